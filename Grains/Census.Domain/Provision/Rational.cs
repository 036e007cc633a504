using System.Numerics;

namespace Census.Domain.Provision;

/// <summary>
/// An exact fraction of two integers, kept in lowest terms with a positive denominator. Risk figures are computed
/// as these and rounded once, at the end, so the same table gives the same figures whatever order it was read in.
/// </summary>
public readonly record struct Rational : IComparable<Rational>
{
    private static readonly BigInteger Two = 2;

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A rational's denominator must not be zero.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!divisor.IsOne && !divisor.IsZero)
        {
            numerator /= divisor;
            denominator /= divisor;
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Rational Zero { get; } = new(BigInteger.Zero, BigInteger.One);

    /// <summary>A decimal's exact value: its 96-bit mantissa over 10^scale (0.2 is 2/10, never a binary approximation).</summary>
    public static Rational FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        return new Rational(negative ? -mantissa : mantissa, BigInteger.Pow(10, scale));
    }

    /// <summary>
    /// The value rounded half away from zero to <paramref name="places"/> decimal places, exactly: the rounding is done
    /// on integers, never through a binary floating-point value.
    /// </summary>
    public decimal ToDecimal(int places)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(places);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(places, 28);
        var scaled = Numerator * BigInteger.Pow(10, places);
        var quotient = BigInteger.DivRem(scaled, Denominator, out var remainder);
        if (BigInteger.Abs(remainder) * Two >= Denominator)
        {
            quotient += scaled.Sign;
        }

        var magnitude = BigInteger.Abs(quotient);
        if (magnitude.GetBitLength() > 96)
        {
            throw new OverflowException("The rational is too large for a decimal.");
        }

        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, quotient.Sign < 0, (byte)places);
    }

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
