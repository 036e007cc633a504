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
        var scores = slice.Scores(request.Weights.ToArray());
        var constraints = SelectionPolicies.ToConstraints(request.Policy);
        var samples = new List<ScoreSample>();
        foreach (var sector in scores.Sectors())
        {
            samples.AddRange(CandidatePruning.SampleRanked(Ranked(slice, scores, sector), constraints, perSector));
        }

        // A frozen slice cannot change after the run, so the run keeps no fingerprints to tell (at 1M records
        // they were ~780k groups to build, send, combine and store on every run).
        return new ShardSample(Shard, slice.Count, scores.Eligible, samples, request.Frozen ? null : slice.Groups());
    }

    async Task<ShardRanking> IRoundShardGrain.Candidates(ShardRankRequest request, IReadOnlyList<ScoreThreshold> thresholds)
    {
        var slice = await SliceFor(request, keepForRun: false);
        var scores = slice.Scores(request.Weights.ToArray());
        var filter = new CandidatePruning.ThresholdFilter(thresholds);
        var kept = new List<Candidate>();
        var rows = new Dictionary<Candidate, int>(ReferenceEqualityComparer.Instance);
        foreach (var sector in scores.Sectors())
        {
            foreach (var row in scores.Ranked(sector))
            {
                var (post, now) = (scores.Post(row), scores.Now(row));
                if (!filter.Keeps(sector, post, now))
                {
                    break; // ranked best first: every later record of the sector scores lower still
                }

                // Only records that can pass are built (their dataset ids decoded); Above decides.
                var candidate = new Candidate(slice.Institution(row), slice.Dataset(row), sector, post, now);
                kept.Add(candidate);
                rows.Add(candidate, row);
            }
        }

        var candidates = CandidatePruning.Above(kept, SelectionPolicies.ToConstraints(request.Policy), thresholds);
        return new ShardRanking(
            Shard,
            slice.Count,
            scores.Eligible,
            [.. candidates.Select(c => new RankedRecord(c.InstitutionId, c.DatasetId, c.Sector, slice.Modality(rows[c]), c.PostQuarterPoints, c.NowQuarterPoints))]);
    }

    /// <summary>A sector's eligible records as samples, best first, built only as far as they are read.</summary>
    private static IEnumerable<ScoreSample> Ranked(ShardSlice slice, ShardScores scores, Census.Contracts.Institutions.Sector sector)
    {
        foreach (var row in scores.Ranked(sector))
        {
            yield return new ScoreSample(sector, scores.Post(row), scores.Now(row), slice.Institution(row));
        }
    }

    private async Task<ShardSlice> SliceFor(ShardRankRequest request, bool keepForRun)
    {
        if (request.Frozen)
        {
            _pending.Clear();
            return _frozen ??= await ShardSlice.LoadAsync(index, RoundId, Shard);
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

        var slice = await ShardSlice.LoadAsync(index, RoundId, Shard);
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
