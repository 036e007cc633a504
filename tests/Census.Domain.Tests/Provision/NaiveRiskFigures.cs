using System.Numerics;

namespace Census.Domain.Tests.Provision;

/// <summary>
/// An independent reading of provision.md §1 for the property tests: the table is expanded into its individual
/// records, classes are found again by grouping records on their joined quasi-identifier values, and every ratio is
/// a fraction summed term by term with BigInteger and rounded by the floor of (2·a·10⁶ + b) / 2b — nothing shared with
/// the product code but the formulas.
/// </summary>
internal sealed record NaiveRiskFigures(
    long Records, long Classes, long K, long RecordsBelowK, decimal RecordsBelowKShare, int? L, decimal? T,
    (BigInteger Num, BigInteger Den)? ExactT, decimal ProsecutorHighest, decimal ProsecutorAverage, long RecordsAtRisk,
    decimal RecordsAtRiskShare, decimal MarketerRisk)
{
    private sealed record Person(string Key, string[] Values);

    public static NaiveRiskFigures Of(ClassTable table, int kPolicy, decimal rPolicy)
    {
        var people = new List<Person>();
        foreach (var c in table.Classes)
        {
            var key = string.Join("\u001f", c.Qi);
            for (var r = 0; r < c.Count; r++)
            {
                people.Add(new Person(key, new string[table.Sensitive.Length]));
            }
        }

        // Hand out each attribute's values to the class's records in turn.
        var offset = 0;
        var byClass = people.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.ToList());
        for (var a = 0; a < table.Sensitive.Length; a++)
        {
            foreach (var c in table.Classes)
            {
                var members = byClass[string.Join("\u001f", c.Qi)];
                var next = 0;
                for (var v = 0; v < table.Sensitive[a].Values.Count; v++)
                {
                    for (var x = 0; x < c.Sensitive[offset + v]; x++)
                    {
                        members[next++].Values[a] = table.Sensitive[a].Values[v];
                    }
                }
            }

            offset += table.Sensitive[a].Values.Count;
        }

        var n = people.Count;
        var groups = people.GroupBy(p => p.Key).ToList();
        var k = groups.Min(g => g.Count());
        var belowK = people.Count(p => byClass[p.Key].Count < kPolicy);
        var atRisk = people.Count(p => byClass[p.Key].Count * rPolicy < 1m);
        int? l = table.Sensitive.Length == 0 ? null
            : groups.Min(g => Enumerable.Range(0, table.Sensitive.Length).Min(a => g.Select(p => p.Values[a]).Distinct().Count()));

        (BigInteger, BigInteger)? t = null;
        if (table.Sensitive.Length > 0)
        {
            foreach (var g in groups)
            {
                for (var a = 0; a < table.Sensitive.Length; a++)
                {
                    var sum = (Num: BigInteger.Zero, Den: BigInteger.One);
                    foreach (var value in table.Sensitive[a].Values)
                    {
                        var inClass = g.Count(p => p.Values[a] == value);
                        var inAll = people.Count(p => p.Values[a] == value);
                        var diff = BigInteger.Abs(((BigInteger)inClass * n) - ((BigInteger)inAll * g.Count()));
                        sum = Add(sum, (diff, (BigInteger)g.Count() * n));
                    }

                    var half = (sum.Num, sum.Den * 2);
                    if (t is not { } best || half.Item1 * best.Item2 > best.Item1 * half.Item2)
                    {
                        t = half;
                    }
                }
            }
        }

        return new NaiveRiskFigures(
            n, groups.Count, k, belowK, Round(belowK, n), l, t is { } tt ? Round(tt.Item1, tt.Item2) : null, t,
            Round(1, k), Round(groups.Count, n), atRisk, Round(atRisk, n), Round(groups.Count, n));
    }

    private static (BigInteger, BigInteger) Add((BigInteger Num, BigInteger Den) a, (BigInteger Num, BigInteger Den) b) =>
        ((a.Num * b.Den) + (b.Num * a.Den), a.Den * b.Den);

    /// <summary>Non-negative a/b to 6 places, half up (= away from zero here): ⌊(2·a·10⁶ + b) / 2b⌋ / 10⁶.</summary>
    private static decimal Round(BigInteger a, BigInteger b)
    {
        var millionths = ((2 * a * 1_000_000) + b) / (2 * b);
        return (decimal)millionths / 1_000_000m;
    }
}
