using HaloNotebooks.Figures;
using Xunit;

namespace HaloNotebooks.Tests.Literature;

public class NiceTicksTests
{
    [Theory]
    [InlineData(-20.0, -15.0, 4)]   // Fig. 7's narrow μ_compr axis: one label before
    [InlineData(0.1, 0.13, 3)]
    [InlineData(-180.0, 180.0, 3)]
    [InlineData(140.5, 151.2, 4)]
    public void Corner_axes_get_at_least_two_evenly_spaced_ticks_inside_the_range(double lo, double hi, int count)
    {
        var t = CornerPlot.NiceTicks((lo, hi), count);
        Assert.True(t.Length >= 2, $"{t.Length} ticks");
        Assert.All(t, v => Assert.InRange(v, lo - 1e-9, hi + 1e-9));
        double step = t[1] - t[0];
        for (int i = 2; i < t.Length; i++) Assert.Equal(step, t[i] - t[i - 1], 9);
    }

    [Fact]
    public void A_five_unit_span_with_four_asked_gets_a_step_of_two_and_a_half()
    {
        // span 5 / 4 = 1.25 → 1-2-5 steps 10, 5 give one or two ticks in [−20, −15]; 2.5 gives −20, −17.5, −15.
        Assert.Equal(new[] { -20.0, -17.5, -15.0 }, CornerPlot.NiceTicks((-20, -15), 4));
    }
}
