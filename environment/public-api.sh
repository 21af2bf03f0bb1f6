#!/usr/bin/env bash
# Brings src/HaloNotebooks/PublicAPI.Unshipped.txt in line with the code after a deliberate change to the library's
# public API (PublicApiAnalyzers fails the build until it is recorded): members the build reports as undeclared
# (RS0016) are added; members declared but gone (RS0017) are dropped from Unshipped, or marked *REMOVED* there when
# they had shipped. Also resolves a merge conflict in Unshipped (both sides kept, then corrected). Review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/HaloNotebooks/PublicAPI.Unshipped.txt
shipped=src/HaloNotebooks/PublicAPI.Shipped.txt
# A merge conflict: keep the lines of both sides.
sed -i '/^<<<<<<< /d; /^=======$/d; /^>>>>>>> /d' "$file"
{ head -n 1 "$file"; tail -n +2 "$file" | grep -v '^$' | LC_ALL=C sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
for round in 1 2 3; do
  out=$(dotnet build src/HaloNotebooks -c Release 2>&1 || true)
  added=$(printf '%s\n' "$out" | sed -n "s/.*error RS0016: Symbol '\(.*\)' is not part of the declared public API.*/\1/p" | sort -u)
  gone=$(printf '%s\n' "$out" | sed -n "s/.*error RS0017: Symbol '\(.*\)' is part of the declared API, but is either not public or could not be found.*/\1/p" | sort -u)
  [ -z "$added$gone" ] && break
  python3 - "$file" "$shipped" <<PY
import sys
file, shipped = sys.argv[1], sys.argv[2]
added = [l for l in """$added""".split("\n") if l]
gone = set(l for l in """$gone""".split("\n") if l)
lines = [l.rstrip("\n") for l in open(file)]
head = [l for l in lines if l.startswith("#nullable")][:1] or ["#nullable enable"]
body = set(l for l in lines if l and not l.startswith("#nullable"))
ship = set(l.rstrip("\n") for l in open(shipped))
for g in gone:
    if g in body: body.discard(g)
    elif g in ship: body.add("*REMOVED*" + g)
body |= set(added)
open(file, "w").write("\n".join(head + sorted(body)) + "\n")
print(f"public API: {len(added)} members recorded, {len(gone)} removed")
PY
done
