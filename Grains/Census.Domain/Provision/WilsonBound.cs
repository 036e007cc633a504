namespace Census.Domain.Provision;

/// <summary>The upper 95% Wilson score bound of a miss rate found in a hand-checked sample (provision.md §1).</summary>
public static class WilsonBound
{
    /// <summary>z for a two-sided 95% interval, as provision.md fixes it.</summary>
    public const double Z = 1.959964;

    /// <summary>
    /// (p̂ + z²/2n + z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n) with p̂ = m/n, evaluated in double and then rounded half away
    /// from zero to 6 decimal places. Double is exact enough: the formula's terms are of order 1 and its rounding error
    /// (about 10⁻¹⁵) is far below the reported 10⁻⁶; only a bound within 10⁻¹⁵ of a rounding midpoint could round the
    /// other way, and the threshold compared with it is itself a 6-place decimal.
    /// </summary>
    public static decimal Upper(int n, int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, n);
        var p = (double)m / n;
        var z2 = Z * Z;
        var bound = (p + (z2 / (2.0 * n)) + (Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))))) / (1 + (z2 / n));
        return Math.Round((decimal)Math.Clamp(bound, 0, 1), 6, MidpointRounding.AwayFromZero);
    }
}
