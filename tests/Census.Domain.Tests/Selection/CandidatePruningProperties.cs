using Census.Contracts.Rankings;
using Census.Domain.Selection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Census.Domain.Tests.Selection;

/// <summary>
/// A run's two questions to its shards (samples, then records above the thresholds) hand the solver enough to give
/// the very selection it gives on every record — for any split into shards and any sample size.
/// </summary>
[Properties(MaxTest = 2000)]
public sealed class CandidatePruningProperties
{
    private static readonly Sector[] Sectors = [Sector.Law, Sector.Finance, Sector.Education];

    /// <summary>A round split into shards: many records against a small quota, so the thresholds really cut.</summary>
    public sealed record ShardedInstance(Candidate[][] Shards, SelectionConstraints Constraints, int PerSector)
    {
        public Candidate[] All => [.. Shards.SelectMany(s => s)];

        public override string ToString() =>
            $"{new SelectionInstance(All, Constraints)}; shards [{string.Join(" | ", Shards.Select(s => string.Join(",", s.Select(c => c.Key))))}]; perSector {PerSector}";
    }

    private static Gen<ShardedInstance> Instances() =>
        from count in Gen.Choose(0, 90)
        from rows in Gen.ArrayOf(
            from institution in Gen.Elements("a", "b", "c", "d", "e")
            from sector in Gen.Elements(Sectors)
            from post in Gen.Choose(0, 12)
            from now in Gen.Choose(0, 2)
            from shard in Gen.Choose(0, 7)
            select (institution, sector, post * 25, now * 25, shard), count)
        from shardCount in Gen.Choose(1, 8)
        from quota in Gen.Choose(0, 6)
        from maxPerInstitution in Gen.Frequency((1, Gen.Constant((int?)null)), (4, Gen.Choose(1, 3).Select(m => (int?)m)))
        from min in Bounds(0, 2)
        from max in Bounds(1, 4)
        from perSector in Gen.Frequency((3, Gen.Constant(-1)), (2, Gen.Choose(0, 3)))
        let constraints = new SelectionConstraints(quota, maxPerInstitution, min, max)
        let candidates = rows.Select((r, i) => (Candidate: new Candidate(r.Item1, "d" + i, r.Item2, r.Item3, r.Item4), Shard: r.Item5 % shardCount)).ToArray()
        select new ShardedInstance(
            [.. Enumerable.Range(0, shardCount).Select(s => candidates.Where(c => c.Shard == s).Select(c => c.Candidate).ToArray())],
            constraints,
            perSector < 0 ? CandidatePruning.SampleSize(constraints, shardCount) : perSector);

    private static Gen<IReadOnlyDictionary<Sector, int>> Bounds(int low, int high) =>
        Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(low, high))), Sectors.Length)
            .Select(values => (IReadOnlyDictionary<Sector, int>)Sectors.Zip(values).Where(p => p.Second >= 0).ToDictionary(p => p.First, p => p.Second));

    private static IEnumerable<ScoreSample> Scores(IEnumerable<Candidate> candidates) =>
        candidates.Select(c => new ScoreSample(c.Sector, c.PostQuarterPoints, c.NowQuarterPoints, c.InstitutionId));

    private static List<Candidate> Pruned(ShardedInstance instance, out IReadOnlyList<ScoreThreshold> thresholds)
    {
        var samples = instance.Shards.SelectMany(s => CandidatePruning.Samples(Scores(s), instance.Constraints, instance.PerSector));
        var bounds = CandidatePruning.Thresholds(samples, instance.Constraints);
        thresholds = bounds;
        return [.. instance.Shards.SelectMany(s => CandidatePruning.Above(s, instance.Constraints, bounds))];
    }

    [Property]
    public Property The_solver_on_what_the_shards_send_gives_the_selection_it_gives_on_every_record() =>
        Prop.ForAll(Instances().ToArbitrary(), instance =>
        {
            var full = ExactSelection.Solve(instance.All, instance.Constraints);
            var pruned = ExactSelection.Solve(Pruned(instance, out _), instance.Constraints);

            return full.Outcome == pruned.Outcome
                && full.TotalPostQuarterPoints == pruned.TotalPostQuarterPoints
                && full.Selected.Select(c => c.Key).SequenceEqual(pruned.Selected.Select(c => c.Key));
        });

    [Property]
    public Property Every_record_the_solver_can_use_is_sent_and_nothing_below_a_threshold_is() =>
        Prop.ForAll(Instances().ToArbitrary(), instance =>
        {
            var sent = Pruned(instance, out var thresholds);
            var sentKeys = sent.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

            // The solver's own lists: the group tops of all records, the first SectorDepth of each sector.
            var needed = ExactSelection.CandidateSet(instance.All, instance.Constraints)
                .GroupBy(c => c.Sector)
                .SelectMany(g => g.Take((int)Math.Min(int.MaxValue, ExactSelection.SectorDepth(instance.Constraints))));
            var bySector = thresholds.ToDictionary(t => t.Sector);
            var belowAThreshold = sent.Where(c => bySector.TryGetValue(c.Sector, out var t)
                && (c.PostQuarterPoints < t.PostQuarterPoints || (c.PostQuarterPoints == t.PostQuarterPoints && c.NowQuarterPoints < t.NowQuarterPoints)));

            return needed.All(c => sentKeys.Contains(c.Key)) && !belowAThreshold.Any();
        });

    [Property]
    public Property A_threshold_is_only_set_for_a_sector_with_more_capped_samples_than_the_depth() =>
        Prop.ForAll(Instances().ToArbitrary(), instance =>
        {
            var samples = instance.Shards.SelectMany(s => CandidatePruning.Samples(Scores(s), instance.Constraints, instance.PerSector)).ToList();
            var thresholds = CandidatePruning.Thresholds(samples, instance.Constraints);
            var depth = ExactSelection.SectorDepth(instance.Constraints);

            return thresholds.All(t => depth > 0 && samples.Count(s => s.Sector == t.Sector) >= depth)
                && samples.GroupBy(s => s.Sector).All(g => g.Count() <= instance.PerSector * instance.Shards.Length);
        });

    [Property]
    public Property One_records_binding_is_the_binding_the_solver_reports_for_it() =>
        Prop.ForAll(Instances().ToArbitrary(), instance =>
        {
            var result = ExactSelection.Solve(instance.All, instance.Constraints);
            return result.Outcome == SelectionOutcome.Infeasible
                || result.Binding.All(b => ExactSelection.WhyNotSelected(
                    instance.All.Single(c => c.Key == b.Key), result.Selected, instance.Constraints) == b.Value);
        });

    [Fact]
    public void With_many_records_over_many_shards_far_fewer_records_travel()
    {
        var random = new Random(20261124);
        var constraints = new SelectionConstraints(10, 2, new Dictionary<Sector, int> { [Sector.Law] = 2 }, new Dictionary<Sector, int>());
        var shards = Enumerable.Range(0, 16).Select(s => Enumerable.Range(0, 2000).Select(i => new Candidate(
            "inst-" + random.Next(200), $"ds-{s}-{i}", Sectors[random.Next(Sectors.Length)], random.Next(400), random.Next(400))).ToArray()).ToArray();
        var instance = new ShardedInstance(shards, constraints, CandidatePruning.SampleSize(constraints, shards.Length));

        var sent = Pruned(instance, out var thresholds);
        var full = ExactSelection.Solve(instance.All, constraints);
        var pruned = ExactSelection.Solve(sent, constraints);

        Assert.Equal(Sectors.Length, thresholds.Count);
        Assert.InRange(sent.Count, 1, 3 * Sectors.Length * (int)ExactSelection.SectorDepth(constraints));
        Assert.Equal(full.Selected.Select(c => c.Key), pruned.Selected.Select(c => c.Key));
    }
}
