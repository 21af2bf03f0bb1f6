namespace HaloNotebooks.Models;

/// <summary>
/// Sums a per-star quantity over fixed blocks of stars, in block order, serially or in parallel: the
/// blocks do not depend on the thread count, so neither does the rounding of the total.
/// </summary>
internal static class StarChunks
{
    internal const int Size = 4096;

    public static double Sum(int count, int? maxDegreeOfParallelism, Func<int, int, double> block)
    {
        int blocks = (count + Size - 1) / Size;
        if (blocks <= 1 || maxDegreeOfParallelism == 1)
        {
            double total = 0;
            for (int k = 0; k < blocks; k++) total += block(k * Size, Math.Min(count, (k + 1) * Size));
            return total;
        }
        var partial = new double[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 },
            k => partial[k] = block(k * Size, Math.Min(count, (k + 1) * Size)));
        double sum = 0;
        foreach (var p in partial) sum += p;
        return sum;
    }
}
