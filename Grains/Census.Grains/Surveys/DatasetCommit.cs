namespace Census.Grains.Surveys;

/// <summary>A dataset grain's state as stored: its version (counting from 1) and its Orleans-serialized payload.</summary>
public sealed record StoredDatasetState(int Version, byte[] Payload);

/// <summary>
/// One dataset write: the grain's whole next state, stored only if the stored version is still
/// <see cref="ExpectedVersion"/> (0: no state stored yet), together with the round's index row.
/// </summary>
public sealed record DatasetCommit(string GrainKey, int ExpectedVersion, byte[] Payload, SurveyIndexRow Row);

public enum DatasetCommitOutcome
{
    /// <summary>State and row are stored; <see cref="DatasetCommitResult.Version"/> is the state's new version.</summary>
    Committed,

    /// <summary>Another version is stored (<see cref="DatasetCommitResult.Stored"/>, null if none): nothing was written.</summary>
    VersionConflict,

    /// <summary>The round was closed (<see cref="ISurveyIndex.CloseRoundAsync"/>): nothing was written.</summary>
    RoundClosed,
}

public sealed record DatasetCommitResult(DatasetCommitOutcome Outcome, int Version, StoredDatasetState? Stored)
{
    public static readonly DatasetCommitResult Closed = new(DatasetCommitOutcome.RoundClosed, 0, null);

    public static DatasetCommitResult Committed(int version) => new(DatasetCommitOutcome.Committed, version, null);

    public static DatasetCommitResult Conflict(StoredDatasetState? stored) => new(DatasetCommitOutcome.VersionConflict, stored?.Version ?? 0, stored);
}
