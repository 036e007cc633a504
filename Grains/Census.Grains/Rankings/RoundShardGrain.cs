using Census.Contracts.Rankings;
using Census.Domain.Selection;
using Census.Grains.Surveys;
using Orleans.Placement;

namespace Census.Grains.Rankings;

/// <summary>
/// One shard of a round's index. Random placement spreads a run's shards over the silos on purpose
/// (default placement would put them all on the silo that received the ranking call). It holds its
/// rows only while the round is frozen; an open round's slice is read afresh for every run.
/// </summary>
[GrainType("round-shard"), RandomPlacement]
public sealed class RoundShardGrain(ISurveyIndex index) : Grain, IRoundShardGrain
{
    private ShardSlice? _frozen;

    private string RoundId => this.GetPrimaryKeyString().Split('/')[0];

    private int Shard => int.Parse(this.GetPrimaryKeyString().Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);

    async Task<ShardRanking> IRoundShardGrain.Rank(ShardRankRequest request)
    {
        var slice = request.Frozen && _frozen is not null
            ? _frozen
            : await ShardSlice.LoadAsync(index.ReadShardAsync(RoundId, Shard));
        _frozen = request.Frozen ? slice : null;

        var weights = request.Weights.ToArray();
        var eligible = new List<Candidate>();
        var modalities = new Dictionary<string, Census.Contracts.Surveys.Modality>(StringComparer.Ordinal);
        for (var i = 0; i < slice.Count; i++)
        {
            if (!slice.Eligible(i))
            {
                continue;
            }

            var candidate = new Candidate(
                slice.Institution(i), slice.Dataset(i), slice.Sector(i),
                slice.QuarterPoints(i, weights, post: true), slice.QuarterPoints(i, weights, post: false));
            eligible.Add(candidate);
            modalities[candidate.Key] = slice.Modality(i);
        }

        // Per (institution, sector) group only the top min(quota, maxPerInstitution, sectorMax) can
        // ever be selected (rubric.md), so this is an exact candidate set for the whole round.
        var candidates = ExactSelection.CandidateSet(eligible, SelectionPolicies.ToConstraints(request.Policy));
        return new ShardRanking(
            Shard,
            slice.Count,
            eligible.Count,
            [.. candidates.Select(c => new RankedRecord(c.InstitutionId, c.DatasetId, c.Sector, modalities[c.Key], c.PostQuarterPoints, c.NowQuarterPoints))]);
    }
}
