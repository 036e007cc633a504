using Census.Contracts.Institutions;
using Census.Contracts.Rankings;

namespace Census.Domain.Selection;

/// <summary>
/// How a ranking run over many shards hands the solver only the records it can use, without changing its answer.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ExactSelection.Solve"/> works on the first <see cref="ExactSelection.SectorDepth"/> records of each
/// sector's list L — the records in ranking order after the per-(institution, sector) cap
/// <see cref="ExactSelection.GroupTop"/> — and proves that list enough. The shards hold the records; a run asks them in
/// two steps:
/// </para>
/// <list type="number">
/// <item>Each shard sends a few of its best records per sector (<see cref="Samples"/>).</item>
/// <item>The run caps the samples per group and takes each sector's depth-th best score as its threshold
/// (<see cref="Thresholds"/>). Any set with at most the cap per group has its i-th best ranked no higher than L's
/// i-th (map a group's j-th sample to the group's j-th record), so the threshold is at or below the score of L's
/// depth-th record: every record the solver will use scores at or above it.</item>
/// <item>Each shard sends its group top records that score at or above the threshold (<see cref="Above"/>). A
/// record of L is within its group's top in its shard too, so none is missed; a record sent that is not in L is
/// below its group's cap of records that were all sent too, and the solver's own cut drops it.</item>
/// </list>
/// <para>
/// So the solver sees the same lists, and gives the same selection, whatever the shards and their samples. The
/// samples only decide how much step 3 sends: a sector's threshold is loose when its best records crowd into few
/// shards, never wrong.
/// </para>
/// </remarks>
public static class CandidatePruning
{
    /// <summary>
    /// How many records per sector a shard samples: twice its even share of the depth, plus a margin for uneven
    /// shards; a loose threshold costs records sent, never correctness.
    /// </summary>
    public static int SampleSize(SelectionConstraints constraints, int shardCount)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        var depth = ExactSelection.SectorDepth(constraints);
        return (int)Math.Min(int.MaxValue, (2 * ((depth + shardCount - 1) / shardCount)) + 4);
    }

    /// <summary>
    /// Of one shard's eligible records (scored; dataset ids are not needed), per sector the best
    /// <paramref name="perSector"/> by (post, now), at most the group cap from one institution.
    /// </summary>
    public static IReadOnlyList<ScoreSample> Samples(IEnumerable<ScoreSample> eligible, SelectionConstraints constraints, int perSector)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(constraints);
        var samples = new List<ScoreSample>();
        foreach (var sector in eligible.GroupBy(c => c.Sector))
        {
            samples.AddRange(SampleRanked(sector.OrderByDescending(r => Score(r.PostQuarterPoints, r.NowQuarterPoints)), constraints, perSector));
        }

        return samples;
    }

    /// <summary>
    /// <see cref="Samples"/> of one sector whose records come already ordered by (post, now) descending: enumerates
    /// them only until <paramref name="perSector"/> are taken, so a shard that keeps its records ranked builds no more.
    /// </summary>
    public static IReadOnlyList<ScoreSample> SampleRanked(IEnumerable<ScoreSample> ranked, SelectionConstraints constraints, int perSector)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(constraints);
        var samples = new List<ScoreSample>();
        var perInstitution = new Dictionary<string, long>(StringComparer.Ordinal);
        long cap = -1;
        foreach (var record in ranked)
        {
            if (samples.Count >= perSector)
            {
                break;
            }

            cap = cap < 0 ? ExactSelection.GroupTop(constraints, record.Sector) : cap;
            var taken = perInstitution.GetValueOrDefault(record.InstitutionId);
            if (taken < cap)
            {
                perInstitution[record.InstitutionId] = taken + 1;
                samples.Add(record);
            }
        }

        return samples;
    }

    /// <summary>
    /// Per sector, the (post, now) score of the depth-th best sample once the samples are capped per group; a sector
    /// with fewer capped samples than the depth gets no threshold (all its records may be needed).
    /// </summary>
    public static IReadOnlyList<ScoreThreshold> Thresholds(IEnumerable<ScoreSample> samples, SelectionConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(constraints);
        var depth = ExactSelection.SectorDepth(constraints);
        var thresholds = new List<ScoreThreshold>();
        foreach (var sector in samples.GroupBy(s => s.Sector).OrderBy(g => g.Key))
        {
            var cap = ExactSelection.GroupTop(constraints, sector.Key);
            var perInstitution = new Dictionary<string, long>(StringComparer.Ordinal);
            long kept = 0;
            foreach (var sample in sector.OrderByDescending(s => Score(s.PostQuarterPoints, s.NowQuarterPoints)))
            {
                var taken = perInstitution.GetValueOrDefault(sample.InstitutionId);
                if (taken >= cap)
                {
                    continue;
                }

                perInstitution[sample.InstitutionId] = taken + 1;
                if (++kept == depth)
                {
                    thresholds.Add(new ScoreThreshold(sector.Key, sample.PostQuarterPoints, sample.NowQuarterPoints));
                    break;
                }
            }
        }

        return thresholds;
    }

    /// <summary>
    /// One shard's group top lists (<see cref="ExactSelection.CandidateSet"/>), keeping in each sector that has a
    /// threshold only the records scoring at or above it; in ranking order.
    /// </summary>
    public static IReadOnlyList<Candidate> Above(IReadOnlyList<Candidate> eligible, SelectionConstraints constraints, IReadOnlyList<ScoreThreshold> thresholds)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        var filter = new ThresholdFilter(thresholds);

        // Every record ranked above a kept one scores at least as much, so it is kept too: the group cap applied
        // to what is left is the group cap of the whole slice.
        return ExactSelection.CandidateSet(eligible.Where(c => filter.Keeps(c.Sector, c.PostQuarterPoints, c.NowQuarterPoints)), constraints);
    }

    /// <summary>
    /// Whether a score is at or above its sector's threshold (or the sector has none): lets a shard skip building
    /// records that <see cref="Above"/> would drop.
    /// </summary>
    public sealed class ThresholdFilter
    {
        private readonly Dictionary<Sector, long> _bySector;

        public ThresholdFilter(IReadOnlyList<ScoreThreshold> thresholds)
        {
            ArgumentNullException.ThrowIfNull(thresholds);
            _bySector = thresholds.ToDictionary(t => t.Sector, t => Score(t.PostQuarterPoints, t.NowQuarterPoints));
        }

        public bool Keeps(Sector sector, int postQuarterPoints, int nowQuarterPoints) =>
            !_bySector.TryGetValue(sector, out var threshold) || Score(postQuarterPoints, nowQuarterPoints) >= threshold;
    }

    // (post, now) in one number that orders like the ranking's first two keys; quarter points fit in 31 bits.
    private static long Score(int post, int now) => ((long)post << 32) + (now - (long)int.MinValue);
}
