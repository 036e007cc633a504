namespace Census.Grains.Surveys;

/// <summary>
/// The silo-side face of a dataset grain (key <c>{institutionId}/{datasetId}</c>) that the index sweeper
/// calls; not part of the public contracts, so no gateway can reach it.
/// </summary>
[Alias("census.IDatasetRepairGrain")]
public interface IDatasetRepairGrain : IGrainWithStringKey
{
    /// <summary>Brings the index row of the round up to the grain's state and clears the round's intent. Idempotent.</summary>
    [Alias("RepairIndex")]
    Task RepairIndex(string roundId);
}
