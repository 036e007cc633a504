using System.Globalization;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

/// <summary>Random equivalence-class tables from a seeded generator, in the shapes the property tests must cover.</summary>
internal static class RandomTables
{
    public enum Shape { Mixed, OneClass, AllEqual, ClassOfOne, ManyValues, SeveralAttributes, NoSensitive }

    public static ClassTable Next(Random random, Shape shape)
    {
        var qiCount = random.Next(1, 4);
        var attributes = shape switch
        {
            Shape.NoSensitive => 0,
            Shape.SeveralAttributes => random.Next(2, 4),
            _ => random.Next(0, 3),
        };
        var sensitive = Enumerable.Range(0, attributes).Select(a => new SensitiveAttribute(
            "attr" + a.ToString(CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, shape == Shape.ManyValues ? random.Next(8, 16) : random.Next(1, 5)).Select(v => "v" + v.ToString(CultureInfo.InvariantCulture))])).ToArray();
        var classCount = shape == Shape.OneClass ? 1 : random.Next(2, 30);
        var equalSize = random.Next(1, 12);
        var classes = new List<TableClass>();
        var seen = new HashSet<string>();
        while (classes.Count < classCount)
        {
            string[] qi = [.. Enumerable.Range(0, qiCount).Select(_ => random.Next(0, 40).ToString(CultureInfo.InvariantCulture))];
            if (!seen.Add(string.Join("|", qi)))
            {
                continue;
            }

            long count = shape switch
            {
                Shape.AllEqual => equalSize,
                Shape.ClassOfOne when classes.Count == 0 => 1,
                _ => random.Next(1, 20),
            };
            var counts = new List<long>();
            foreach (var s in sensitive)
            {
                counts.AddRange(Split(random, count, s.Values.Count));
            }

            classes.Add(new TableClass(qi, count, [.. counts]));
        }

        return new ClassTable([.. Enumerable.Range(0, qiCount).Select(q => "q" + q.ToString(CultureInfo.InvariantCulture))], sensitive, classes);
    }

    public static decimal NextR(Random random) => new[] { 0.2m, 0.3m, 0.1m, 0.142857m, 0.5m, 1m, 0.05m, 0.333333m }[random.Next(8)];

    // A random split of count into parts non-negative counts; often leaves some values out so l varies.
    private static long[] Split(Random random, long count, int parts)
    {
        var result = new long[parts];
        var used = random.Next(1, parts + 1);
        for (var r = 0; r < count; r++)
        {
            result[random.Next(used)]++;
        }

        return result;
    }
}
