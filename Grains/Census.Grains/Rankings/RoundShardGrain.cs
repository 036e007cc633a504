using Census.Contracts.Rankings;
using Census.Contracts.Surveys;
using Census.Domain.Selection;
using Census.Grains.Surveys;
using Orleans.Placement;

namespace Census.Grains.Rankings;

/// <summary>
/// One shard of a round's index. Random placement spreads a run's shards over the silos on purpose
/// (default placement would put them all on the silo that received the ranking call). It holds its
/// rows while the round is frozen; an open round's slice is read afresh for every run and kept only
/// between that run's two questions, so both answers describe the same rows. Each run keeps its own
/// slice: two runs whose questions interleave must each be answered from the rows they sampled.
/// </summary>
[GrainType("round-shard"), RandomPlacement]
public sealed class RoundShardGrain(ISurveyIndex index) : Grain, IRoundShardGrain
{
    /// <summary>Runs whose first question was answered and whose second has not come yet; the oldest goes beyond this.</summary>
    internal const int MaxPendingRuns = 4;

    private readonly List<(string RunId, ShardSlice Slice)> _pending = [];
    private ShardSlice? _frozen;

    private string RoundId => this.GetPrimaryKeyString().Split('/')[0];

    private int Shard => int.Parse(this.GetPrimaryKeyString().Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

    async Task<ShardSample> IRoundShardGrain.Sample(ShardRankRequest request, int perSector)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSector);
        var slice = await SliceFor(request, keepForRun: true);
        var weights = request.Weights.ToArray();
        var eligible = new List<ScoreSample>(slice.Count);
        for (var i = 0; i < slice.Count; i++)
        {
            if (slice.Eligible(i))
            {
                eligible.Add(new ScoreSample(slice.Sector(i), slice.QuarterPoints(i, weights, post: true), slice.QuarterPoints(i, weights, post: false), slice.Institution(i)));
            }
        }

        var samples = CandidatePruning.Samples(eligible, SelectionPolicies.ToConstraints(request.Policy), perSector);
        return new ShardSample(Shard, slice.Count, eligible.Count, samples, slice.Groups());
    }

    async Task<ShardRanking> IRoundShardGrain.Candidates(ShardRankRequest request, IReadOnlyList<ScoreThreshold> thresholds)
    {
        var slice = await SliceFor(request, keepForRun: false);
        var weights = request.Weights.ToArray();
        var filter = new CandidatePruning.ThresholdFilter(thresholds);
        var eligible = 0L;
        var kept = new List<Candidate>();
        var rows = new Dictionary<Candidate, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < slice.Count; i++)
        {
            if (!slice.Eligible(i))
            {
                continue;
            }

            eligible++;
            var (post, now) = (slice.QuarterPoints(i, weights, post: true), slice.QuarterPoints(i, weights, post: false));
            if (filter.Keeps(slice.Sector(i), post, now))
            {
                // Only records that can pass are built (their dataset ids decoded); Above decides.
                var candidate = new Candidate(slice.Institution(i), slice.Dataset(i), slice.Sector(i), post, now);
                kept.Add(candidate);
                rows.Add(candidate, i);
            }
        }

        var candidates = CandidatePruning.Above(kept, SelectionPolicies.ToConstraints(request.Policy), thresholds);
        return new ShardRanking(
            Shard,
            slice.Count,
            eligible,
            [.. candidates.Select(c => new RankedRecord(c.InstitutionId, c.DatasetId, c.Sector, slice.Modality(rows[c]), c.PostQuarterPoints, c.NowQuarterPoints))]);
    }

    private async Task<ShardSlice> SliceFor(ShardRankRequest request, bool keepForRun)
    {
        if (request.Frozen)
        {
            _pending.Clear();
            return _frozen ??= await ShardSlice.LoadAsync(index.ReadShardAsync(RoundId, Shard));
        }

        _frozen = null;
        var kept = request.RunId.Length > 0 ? _pending.FindIndex(p => p.RunId == request.RunId) : -1;
        if (kept >= 0)
        {
            var pending = _pending[kept].Slice;
            if (!keepForRun)
            {
                _pending.RemoveAt(kept);
            }

            return pending;
        }

        var slice = await ShardSlice.LoadAsync(index.ReadShardAsync(RoundId, Shard));
        if (keepForRun && request.RunId.Length > 0)
        {
            // A run that died between its questions never asks the second: the oldest slices make way.
            _pending.Add((request.RunId, slice));
            if (_pending.Count > MaxPendingRuns)
            {
                _pending.RemoveAt(0);
            }
        }

        return slice;
    }
}
