using Census.Contracts.Rankings;
using Census.Contracts.Surveys;

namespace Census.Contracts.Provision;

/// <summary>
/// Opens a finalized round's processing cases, outside the round's own turn. Reading a selected record goes through
/// its dataset and assignment grains, and an assignment may ask the round for its write context: done inside the
/// round's finalization, that call would wait on the very turn waiting for it. Key: the round id.
/// </summary>
[Alias("census.ICaseOpenerGrain")]
public interface ICaseOpenerGrain : IGrainWithStringKey
{
    /// <summary>Keeps the plan and returns; the cases open in the opener's own turns, retried until all are open. Idempotent.</summary>
    [Alias("Open")]
    Task Open(CaseOpeningPlan plan);

    /// <summary>True once a case is open for every selected dataset that has a record.</summary>
    [Alias("Done"), Orleans.Concurrency.ReadOnly]
    Task<bool> Done();
}

/// <summary>What a round's cases are opened from: the final selection and the rubric version it was made with.</summary>
[GenerateSerializer, Immutable, Alias("census.CaseOpeningPlan")]
public sealed record CaseOpeningPlan(
    [property: Id(0)] int RubricVersion,
    [property: Id(1)] RubricWeights Weights,
    [property: Id(2)] DateOnly Deadline,
    [property: Id(3)] IReadOnlyList<SelectedRecord> Selection,
    [property: Id(4)] string Actor);
