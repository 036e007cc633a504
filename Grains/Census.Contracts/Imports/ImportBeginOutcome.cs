namespace Census.Contracts.Imports;

/// <summary>How beginning an import went.</summary>
public enum ImportBeginOutcome
{
    /// <summary>The import is new and now stages rows.</summary>
    Begun,

    /// <summary>An import with this id exists already (a retried POST with the same Idempotency-Key).</summary>
    Exists,
}
