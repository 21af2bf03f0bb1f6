using Xunit;
using HaloNotebooks.Analysis;
using HaloNotebooks.Paper;
using HaloNotebooks.Pipeline;

namespace HaloNotebooks.Tests.Pipeline;

public class PaperDiscrepanciesTests
{
    static ComparisonEntry Entry(string row, string parameter, double ours, double theirs) =>
        new(row, parameter, new Measurement(ours, 1, 1), new Measurement(theirs, 1, 1));

    [Fact]
    public void Table3SigmaR_IsExplained_AnUnknownEntryIsNot()
    {
        Assert.NotNull(PaperDiscrepancies.Explain(3, Entry("[60, 80)", "sigma_r", 107, 149)));
        // Table 1's [60, 80) σ_r (105.7): Table 2's mixture implies 105.5, so a value far above it is not explained.
        Assert.Null(PaperDiscrepancies.Explain(1, Entry("[60, 80)", "sigma_r", 125, 105.7)));
        Assert.Null(PaperDiscrepancies.Explain(3, Entry("[60, 80)", "mu_dipole", 0, 20)));
    }

    [Fact]
    public void Table1Entry_ThatThePapersTable2MixtureMisses_IsExplained_OnlyOnThatSide()
    {
        // All stars σ_θ: Table 1 65.8 ± 0.2, Table 2's mixture implies 67.5 (+8.5σ).
        var above = new ComparisonEntry("[3, 160)", "sigma_theta", new Measurement(67.3, 0.2, 0.2), new Measurement(65.8, 0.2, 0.2));
        var below = new ComparisonEntry("[3, 160)", "sigma_theta", new Measurement(64.3, 0.2, 0.2), new Measurement(65.8, 0.2, 0.2));
        Assert.Contains("67.5", PaperDiscrepancies.Explain(1, above));
        Assert.Null(PaperDiscrepancies.Explain(1, below) is { } t && t.Contains("Table 2, read as") ? t : null);
    }

    [Fact]
    public void Beyond_ListsOnlyEntriesPastThreeSigma_AndTheHtmlFlagsTheUnexplained()
    {
        var paper = PublishedTables.Table3;
        // Our Table 3 = the paper's with σ_r of every row moved to 107 km/s and the first row's μ_dipole by 10σ.
        var rows = paper.Rows.Select((r, i) => r with
        {
            Values = r.Values.ToDictionary(kv => kv.Key, kv =>
                kv.Key == "sigma_r" ? kv.Value with { Value = 107 } :
                kv.Key == "mu_dipole" && i == 0 ? kv.Value with { Value = kv.Value.Value + 10 * kv.Value.Sigma * 2 } : kv.Value),
        }).ToList();
        var comparison = TableComparison.Compare(new PaperTable(3, rows), paper);
        var beyond = PaperDiscrepancies.Beyond([comparison]);
        Assert.Equal(paper.Rows.Count + 1, beyond.Count);
        Assert.Single(beyond, b => b.Explanation is null);
        string html = PaperDiscrepancies.ToHtml([comparison]);
        Assert.Equal(1, html.Split("not explained").Length - 1);
    }
}
