using System.Numerics;

namespace Census.Domain.Exports;

/// <summary>
/// Decimals as whole numbers at a shared scale, so that sums and products of contributions are exact and never
/// overflow: <c>decimal</c> arithmetic itself rounds when a product needs more than 28 digits, and throws past its range.
/// </summary>
public static class ExactDecimal
{
    /// <summary>The values scaled by one power of ten so that every one is a whole number, in order.</summary>
    public static BigInteger[] AtCommonScale(params decimal[] values)
    {
        var scale = values.Max(v => v.Scale);
        return [.. values.Select(v => Unscaled(v) * BigInteger.Pow(10, scale - v.Scale))];
    }

    /// <summary>The value's digits without its decimal point: 12.50m → 1250 (scale 2).</summary>
    private static BigInteger Unscaled(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return value < 0 ? -magnitude : magnitude;
    }
}
