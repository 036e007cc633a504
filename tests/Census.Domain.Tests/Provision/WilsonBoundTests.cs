using Census.Contracts.Provision;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class WilsonBoundTests
{
    [Fact]
    public void The_bound_equals_the_upper_root_of_the_Wilson_quadratic()
    {
        // The Wilson interval's ends are the p with (p̂ − p)² = z²·p(1 − p)/n, i.e. the roots of
        // (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0; the bound is the larger one.
        var random = new Random(95);
        for (var i = 0; i < 2000; i++)
        {
            var n = random.Next(1, 5000);
            var m = random.Next(0, Math.Min(n, 60) + 1);
            var p = (double)m / n;
            var z2 = WilsonBound.Z * WilsonBound.Z;
            double a = 1 + (z2 / n), b = -((2 * p) + (z2 / n)), c = p * p;
            var root = (-b + Math.Sqrt((b * b) - (4 * a * c))) / (2 * a);

            Assert.True(Math.Abs((double)WilsonBound.Upper(n, m) - root) <= 1e-6, $"n {n}, m {m}");
        }
    }

    [Theory]
    [InlineData(300, 0, "0.012643")]
    [InlineData(764, 0, "0.005003")]
    [InlineData(765, 0, "0.004996")]
    [InlineData(1000, 1, "0.005643")]
    [InlineData(1, 1, "1")]
    public void Known_bounds(int n, int m, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WilsonBound.Upper(n, m));

    [Fact]
    public void A_sample_with_more_misses_than_items_is_not_a_sample() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonBound.Upper(10, 11));
}
