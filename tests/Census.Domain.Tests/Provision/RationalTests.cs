using System.Numerics;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class RationalTests
{
    [Theory]
    [InlineData(1, 3, 6, "0.333333")]
    [InlineData(2, 3, 6, "0.666667")]
    [InlineData(1, 8, 2, "0.13")]
    [InlineData(-1, 8, 2, "-0.13")]
    [InlineData(5, 10_000_000, 6, "0.000001")]
    [InlineData(4, 10_000_000, 6, "0")]
    [InlineData(11, 30, 6, "0.366667")]
    public void A_rational_rounds_half_away_from_zero(long numerator, long denominator, int places, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new Rational(numerator, denominator).ToDecimal(places));

    [Fact]
    public void A_decimal_is_its_exact_fraction()
    {
        var r = Rational.FromDecimal(0.2m);
        Assert.Equal((BigInteger.One, new BigInteger(5)), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void Rationals_compare_exactly()
    {
        Assert.True(new Rational(2_000_001, 10_000_000) > Rational.FromDecimal(0.2m));
        Assert.True(new Rational(1, 5) <= Rational.FromDecimal(0.2m));
    }
}
