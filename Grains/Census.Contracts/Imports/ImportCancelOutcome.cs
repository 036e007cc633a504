namespace Census.Contracts.Imports;

/// <summary>What a cancel found.</summary>
public enum ImportCancelOutcome
{
    Canceled,
    NotFound,

    /// <summary>The import had already completed or failed: there is nothing left to stop.</summary>
    AlreadyEnded,
}
