using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Census.Contracts.Provision;

namespace Census.Domain.Provision;

/// <summary>
/// Computes an equivalence-class table's risk figures (provision.md §1) exactly, reading the classes as a stream:
/// nothing grows with the number of classes except the duplicate check's set of 16-byte digests and a table of record
/// counts by class size (at most √(2N) distinct sizes).
/// </summary>
/// <remarks>
/// Two passes, because t-closeness compares each class with the whole table's distribution, known only at the end of
/// a first pass. Pass 1 (<see cref="Add"/>) validates every class and gathers N, C, the class sizes, the value totals
/// A_v and l. Pass 2 (<see cref="AddSecondPass"/>) re-reads the same classes in the same order and keeps the largest
/// class distance ½ Σ_v |a_iv/n_i − A_v/N| = Σ_v |a_iv·N − A_v·n_i| / (2·n_i·N) as the integer pair
/// (Σ_v |a_iv·N − A_v·n_i|, n_i): every class shares the 2·N, so comparing two classes is comparing S₁·n₂ with S₂·n₁,
/// done on 128-bit integers (BigInteger when a sum outgrows 64 bits). A table without sensitive attributes needs no
/// second pass (<see cref="NeedsSecondPass"/>).
/// Duplicate classes are found by a SHA-256 digest of the class's values (length-prefixed, so ("a","bc") and
/// ("ab","c") differ), truncated to 128 bits: equal combinations always collide, so no duplicate is missed; two
/// different combinations would be refused as duplicates only with probability about C²/2¹²⁹ (≈10⁻²⁷ at a million
/// classes), and no one can construct such a pair on purpose.
/// </remarks>
public sealed class EquivalenceClassAccumulator
{
    /// <summary>The most records a table may count, so every product of two counts fits in 128 bits.</summary>
    public const long MaxRecords = 1L << 62;

    private readonly IReadOnlyList<string> _quasiIdentifiers;
    private readonly IReadOnlyList<SensitiveAttribute> _sensitive;
    private readonly int[] _offsets;
    private readonly int _valueCount;
    private readonly long[] _valueTotals;
    private readonly Dictionary<long, long> _classesBySize = [];
    private readonly HashSet<UInt128> _seen = [];
    private byte[] _digestInput = new byte[256];
    private long _records;
    private long _classes;
    private int _minDistinct = int.MaxValue;
    private bool _secondPass;
    private long _secondPassClasses;
    private Int128 _farthestSum = Int128.MinValue;
    private long _farthestSize = 1;

    public EquivalenceClassAccumulator(IReadOnlyList<string> quasiIdentifiers, IReadOnlyList<SensitiveAttribute> sensitive)
    {
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        ArgumentNullException.ThrowIfNull(sensitive);
        if (quasiIdentifiers.Count == 0)
        {
            throw new ArgumentException("A table has at least one quasi-identifier.", nameof(quasiIdentifiers));
        }

        _quasiIdentifiers = quasiIdentifiers;
        _sensitive = sensitive;
        _offsets = new int[sensitive.Count + 1];
        for (var a = 0; a < sensitive.Count; a++)
        {
            if (sensitive[a].Values.Count == 0)
            {
                throw new ArgumentException($"The sensitive attribute '{sensitive[a].Name}' has no values.", nameof(sensitive));
            }

            _offsets[a + 1] = _offsets[a] + sensitive[a].Values.Count;
        }

        _valueCount = _offsets[^1];
        _valueTotals = new long[_valueCount];
    }

    /// <summary>Whether <see cref="Figures"/> needs the second pass: only t-closeness does, and only with a sensitive attribute.</summary>
    public bool NeedsSecondPass => _sensitive.Count > 0;

    /// <summary>Classes added in pass 1.</summary>
    public long Classes => _classes;

    /// <summary>
    /// Pass 1: one class. <paramref name="sensitiveCounts"/> holds every attribute's value counts one after another, in
    /// the attributes' and their values' order. Throws <see cref="EvidenceTableException"/> for a class that cannot be.
    /// </summary>
    public void Add(long rowNumber, ReadOnlySpan<string> qiValues, long count, ReadOnlySpan<long> sensitiveCounts)
    {
        if (_secondPass)
        {
            throw new InvalidOperationException("Pass 1 has ended.");
        }

        CheckShape(qiValues.Length, sensitiveCounts.Length);
        if (count <= 0)
        {
            throw new EvidenceTableException(
                count == 0
                    ? $"Row {Number(rowNumber)} has a count of 0: a class has at least one record (leave out combinations that do not occur)."
                    : $"Row {Number(rowNumber)} has a negative count ({Number(count)}).",
                rowNumber, "count");
        }

        var distinctLeast = int.MaxValue;
        for (var a = 0; a < _sensitive.Count; a++)
        {
            long sum = 0;
            var distinct = 0;
            var over = false;
            for (var i = _offsets[a]; i < _offsets[a + 1]; i++)
            {
                var c = sensitiveCounts[i];
                if (c < 0)
                {
                    var column = SensitiveColumn(a, i - _offsets[a]);
                    throw new EvidenceTableException($"Row {Number(rowNumber)} has a negative count ({Number(c)}) in {column}.", rowNumber, column);
                }

                // Compared before adding, so a huge cell cannot overflow the sum into agreement.
                over |= c > count - sum;
                sum = over ? count : sum + c;
                distinct += c > 0 ? 1 : 0;
            }

            if (over || sum != count)
            {
                var column = "sa:" + _sensitive[a].Name;
                throw new EvidenceTableException(
                    $"Row {Number(rowNumber)}: the counts of the sensitive attribute '{_sensitive[a].Name}' add up to " +
                    $"{(over ? "more than " + Number(count) : Number(sum))}, not to the class's count {Number(count)}.",
                    rowNumber, column);
            }

            distinctLeast = Math.Min(distinctLeast, distinct);
        }

        if (!_seen.Add(Digest(qiValues)))
        {
            throw new EvidenceTableException(
                $"Row {Number(rowNumber)} repeats the quasi-identifier combination ({string.Join(", ", qiValues.ToArray())}) of an earlier row: " +
                "each combination is one class, on one row.",
                rowNumber, null);
        }

        if (_records > MaxRecords - count)
        {
            throw new EvidenceTableException($"The table counts more than {Number(MaxRecords)} records.", rowNumber, "count");
        }

        _records += count;
        _classes++;
        _classesBySize[count] = _classesBySize.GetValueOrDefault(count) + 1;
        _minDistinct = Math.Min(_minDistinct, distinctLeast);
        for (var i = 0; i < _valueCount; i++)
        {
            _valueTotals[i] += sensitiveCounts[i];
        }
    }

    /// <summary>Ends pass 1 and begins pass 2. Throws <see cref="EvidenceTableException"/> when the table has no class.</summary>
    public void BeginSecondPass()
    {
        EnsureClasses();
        _secondPass = true;
    }

    /// <summary>Pass 2: the same classes as pass 1, in the same order (their values are not needed again).</summary>
    public void AddSecondPass(long count, ReadOnlySpan<long> sensitiveCounts)
    {
        if (!_secondPass)
        {
            throw new InvalidOperationException("Pass 2 has not begun.");
        }

        if (sensitiveCounts.Length != _valueCount)
        {
            throw new ArgumentException($"Expected {_valueCount} sensitive counts.", nameof(sensitiveCounts));
        }

        _secondPassClasses++;
        var total = (Int128)_records;
        for (var a = 0; a < _sensitive.Count; a++)
        {
            Int128 sum = 0;
            for (var i = _offsets[a]; i < _offsets[a + 1]; i++)
            {
                sum += Int128.Abs((sensitiveCounts[i] * total) - ((Int128)_valueTotals[i] * count));
            }

            if (Farther(sum, count, _farthestSum, _farthestSize))
            {
                _farthestSum = sum;
                _farthestSize = count;
            }
        }
    }

    /// <summary>The exact t-closeness distance, max over classes and attributes; null without a sensitive attribute.</summary>
    public Rational? ExactT()
    {
        EnsureClasses();
        if (!NeedsSecondPass)
        {
            return null;
        }

        if (!_secondPass || _secondPassClasses != _classes)
        {
            throw new InvalidOperationException(
                $"Pass 2 read {_secondPassClasses} classes; pass 1 read {_classes}: both passes must read the same classes.");
        }

        return new Rational((BigInteger)_farthestSum, 2 * (BigInteger)_farthestSize * _records);
    }

    /// <summary>The figures, with the records below k and at risk counted against this policy's k and r.</summary>
    public StructuredRiskFigures Figures(DeidentificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var t = ExactT();
        var risk = Rational.FromDecimal(policy.R);
        long smallest = long.MaxValue, belowK = 0, atRisk = 0;
        foreach (var (size, classes) in _classesBySize)
        {
            smallest = Math.Min(smallest, size);
            if (size < policy.K)
            {
                belowK += size * classes;
            }

            // 1/n > p/q ⇔ q > p·n, on integers.
            if (risk.Denominator > risk.Numerator * size)
            {
                atRisk += size * classes;
            }
        }

        var perRecord = new Rational(_classes, _records);
        return new StructuredRiskFigures(
            Records: _records,
            Classes: _classes,
            K: smallest,
            RecordsBelowK: belowK,
            RecordsBelowKShare: Round(new Rational(belowK, _records)),
            L: NeedsSecondPass ? _minDistinct : null,
            T: t is { } exact ? Round(exact) : null,
            ProsecutorHighest: Round(new Rational(1, smallest)),
            ProsecutorAverage: Round(perRecord),
            RecordsAtRisk: atRisk,
            RecordsAtRiskShare: Round(new Rational(atRisk, _records)),
            MarketerRisk: Round(perRecord),
            QuasiIdentifiers: [.. _quasiIdentifiers],
            SensitiveAttributes: [.. _sensitive.Select(s => s.Name)]);
    }

    /// <summary>The figures and the policy's checks of them (t judged on its exact value, not the rounded one).</summary>
    public StructuredEvidenceResult Evaluate(DeidentificationPolicy policy) =>
        EquivalenceClassFigures.Judge(Figures(policy), ExactT(), policy);

    private static decimal Round(Rational value) => value.ToDecimal(EquivalenceClassFigures.Places);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // S₁/n₁ > S₂/n₂ ⇔ S₁·n₂ > S₂·n₁: on Int128 while both sums fit in 64 bits, else on BigInteger.
    private static bool Farther(Int128 sum, long size, Int128 farthestSum, long farthestSize)
    {
        if (farthestSum == Int128.MinValue)
        {
            return true;
        }

        if (sum <= long.MaxValue && farthestSum <= long.MaxValue)
        {
            return sum * farthestSize > farthestSum * size;
        }

        return (BigInteger)sum * farthestSize > (BigInteger)farthestSum * size;
    }

    private void CheckShape(int qiLength, int sensitiveLength)
    {
        if (qiLength != _quasiIdentifiers.Count)
        {
            throw new ArgumentException($"Expected {_quasiIdentifiers.Count} quasi-identifier values, got {qiLength}.");
        }

        if (sensitiveLength != _valueCount)
        {
            throw new ArgumentException($"Expected {_valueCount} sensitive counts, got {sensitiveLength}.");
        }
    }

    private void EnsureClasses()
    {
        if (_classes == 0)
        {
            throw new EvidenceTableException("The table has no classes: it needs at least one row after the header.", null, null);
        }
    }

    private string SensitiveColumn(int attribute, int value) =>
        $"sa:{_sensitive[attribute].Name}={_sensitive[attribute].Values[value]}";

    private UInt128 Digest(ReadOnlySpan<string> values)
    {
        var length = 0;
        foreach (var value in values)
        {
            length += sizeof(int) + (value.Length * sizeof(char));
        }

        if (_digestInput.Length < length)
        {
            _digestInput = new byte[Math.Max(length, _digestInput.Length * 2)];
        }

        var written = 0;
        foreach (var value in values)
        {
            MemoryMarshal.Write(_digestInput.AsSpan(written), value.Length);
            written += sizeof(int);
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(_digestInput.AsSpan(written));
            written += value.Length * sizeof(char);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_digestInput.AsSpan(0, written), hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }
}
