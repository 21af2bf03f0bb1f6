using System.Globalization;
using System.Text;

namespace HaloNotebooks.Inference;

/// <summary>
/// A chain as a CSV table, one row per walker and step (step-major, like emcee's flat chain):
/// <c>walker,step,&lt;parameters…&gt;,log_prob</c>, numbers in round-trip ("R") invariant format.
/// </summary>
internal static class ChainCsv
{
    public static void Write(ChainBackend chain, string path)
    {
        if (!chain.Initialized || chain.Iterations == 0) throw new InvalidOperationException("the chain is empty: nothing to write");
        var names = chain.ParameterNames ?? Enumerable.Range(0, chain.Dimension).Select(d => $"theta_{d}").ToArray();
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        var values = chain.ChainValues.ToArray();
        var logProb = chain.LogProbValues.ToArray();
        using (var w = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            w.Write("walker,step,");
            w.Write(string.Join(",", names));
            w.Write(",log_prob\n");
            var line = new StringBuilder();
            int n = chain.Walkers, ndim = chain.Dimension;
            for (int t = 0; t < chain.Iterations; t++)
                for (int k = 0; k < n; k++)
                {
                    long row = (long)t * n + k;
                    line.Clear().Append(k).Append(',').Append(t);
                    for (int d = 0; d < ndim; d++) line.Append(',').Append(values[row * ndim + d].ToString("R", CultureInfo.InvariantCulture));
                    line.Append(',').Append(logProb[row].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                    w.Write(line);
                }
        }
        File.Move(temporary, full, overwrite: true);
    }
}
