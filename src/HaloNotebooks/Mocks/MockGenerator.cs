namespace HaloNotebooks.Mocks;

/// <summary>
/// Runs every population of the mock and returns the stars in catalogue order (shuffled by a per-star random key,
/// so the row order says nothing about the population). Populations draw from disjoint random streams
/// (<see cref="MockStar.Stream"/>), so the output does not depend on thread count or on the order they run in.
/// </summary>
internal static class MockGenerator
{
    public static List<MockStar> Run(MockSettings settings, IProgress<double>? progress = null)
    {
        settings.Validate();
        var field = new HaloVelocityField(settings.HaloInputs, MockInputTables.Table3);
        var radii = new RadialProposal(MockInputTables.Table1);
        var forecast = new SelectionForecast(settings.Substructures);
        var stars = new List<MockStar>();
        void Step(IEnumerable<MockStar> part, double done)
        {
            stars.AddRange(part);
            progress?.Report(done);
        }
        Step(DiscPopulation.Generate(settings), 0.2);
        Step(SagittariusStream.Generate(settings), 0.27);
        Step(SubstructureMembers.Generate(settings), 0.33);
        Step(NonKGiantPopulation.Generate(settings, field, radii), 0.4);
        // Contaminants that slip through the cuts (disc stars scattered through them by their errors, missed GC and dwarf
        // members) count towards Table 1's N.
        Parallel.ForEach(stars, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? -1 }, forecast.Apply);
        var table = settings.TargetCounts;
        var slipped = Enumerable.Range(0, table.RowCount).Select(i => stars.Count(s =>
            s.Forecast == ForecastCut.None && s.RGcObs >= table[i, "r_min_kpc"] && s.RGcObs < table[i, "r_max_kpc"])).ToArray();
        Step(new HaloPopulation(settings, field, radii, forecast).Generate(slipped), 0.95);
        // Order: by random key; ties (2^-64) broken by the populations' fixed order, which List.Sort would not keep.
        var ordered = stars.Select((s, i) => (s, i)).OrderBy(p => p.s.SortKey).ThenBy(p => p.i).Select(p => p.s).ToList();
        progress?.Report(1.0);
        return ordered;
    }
}
