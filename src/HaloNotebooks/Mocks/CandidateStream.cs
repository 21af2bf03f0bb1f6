namespace HaloNotebooks.Mocks;

/// <summary>
/// Draws candidates 0, 1, 2, … (each from its own random stream, so any can be computed on any thread) in
/// parallel blocks and keeps the observed ones in index order, stopping right after the candidate that brings
/// the number of <c>counts</c> stars to the quota. The result is the same for every thread count.
/// </summary>
internal static class CandidateStream
{
    internal static List<MockStar> Fill(Func<long, MockStar?> draw, Func<MockStar, bool> counts, int quota, int? maxDegreeOfParallelism,
                                      string what, long maxCandidates = 200_000_000)
    {
        var kept = new List<MockStar>();
        if (quota <= 0) return kept;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? -1 };
        // First block sized for the quota (small mocks stay cheap); later blocks follow the observed yield.
        int counted = 0, block = (int)Math.Clamp(16L * quota, 512, 4096);
        long start = 0;
        while (true)
        {
            if (start >= maxCandidates)
                throw new InvalidOperationException($"mock: {what} reached {counted} of {quota} stars after {start:N0} candidates; the footprint, magnitude " +
                    $"limits or cuts leave too few.");
            var results = new MockStar?[block];
            long first = start;
            Parallel.For(0, block, options, i => results[i] = draw(first + i));
            foreach (var s in results)
            {
                if (s is null) continue;
                kept.Add(s);
                if (counts(s) && ++counted == quota) return kept;
            }
            // Next block: what the yield so far says is still needed, plus 10%, so little is drawn past the quota.
            start += block;
            long drawn = start;
            double perCandidate = counted > 0 ? (double)counted / drawn : 0.0;
            double needed = perCandidate > 0 ? 1.1 * (quota - counted) / perCandidate : 2.0 * block;
            block = (int)Math.Clamp(needed, 512, 1 << 18);
        }
    }
}
