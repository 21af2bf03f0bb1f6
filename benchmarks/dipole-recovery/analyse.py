# Summarises dipole_recovery*.csv (DipoleRecoveryBenchmarks): per variant, bin and parameter the mean fitted median minus
# the input (at the bin centre, and averaged over the bin's stars), its standard error over realisations, and the mean
# posterior sigma. Exploration only; nothing in the project calls it.
import csv, glob, math, collections
rows = {}
for f in sorted(glob.glob('dipole_recovery*.csv')):
    for r in csv.DictReader(open(f)):
        rows[(r['realisation'], r['variant'], r['r_min'], r['r_max'], r['parameter'])] = r
real = sorted({k[0] for k in rows}, key=int)
print(f"realisations: {len(real)} ({', '.join(real)})")
def wrap(d): return (d + 180) % 360 - 180
agg = collections.defaultdict(list)
for (i, v, lo, hi, p), r in rows.items():
    if p == 'sigma_r': continue
    m, c, s = float(r['median']), float(r['input_centre']), float(r['input_star_mean'])
    sig = (float(r['p84']) - float(r['p16'])) / 2
    dc, ds = m - c, m - s
    if p == 'l_apex': dc, ds = wrap(dc), wrap(ds)
    agg[(v, lo, hi, p)].append((dc, ds, sig, c, s))
for v in ['paper', 'no_error_cut', 'galactocentric_theta', 'true_vr']:
    print(f"\n## {v}")
    print("| bin | parameter | input centre | input star mean | mean(fit - centre) | mean(fit - star mean) ± s.e. | in σ_post | mean σ_post | n |")
    for (vv, lo, hi, p), xs in sorted(agg.items(), key=lambda kv: (float(kv[0][1]), -float(kv[0][2]), kv[0][3])):
        if vv != v: continue
        n = len(xs)
        mc = sum(x[0] for x in xs) / n; ms = sum(x[1] for x in xs) / n
        sd = math.sqrt(sum((x[1] - ms) ** 2 for x in xs) / (n - 1)) if n > 1 else float('nan')
        sig = sum(x[2] for x in xs) / n
        print(f"| [{lo}, {hi}) | {p} | {xs[0][3]:.1f} | {sum(x[4] for x in xs)/n:.1f} | {mc:+.1f} | {ms:+.1f} ± {sd/math.sqrt(n):.1f} | {ms/sig:+.2f} | {sig:.1f} | {n} |")
