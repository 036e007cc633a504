namespace Census.Contracts.Releases;

/// <summary>How a release write ended; every outcome but <see cref="Ok"/> and <see cref="Created"/> changed nothing.</summary>
public enum ReleaseOutcome
{
    Ok,
    Created,

    /// <summary>No release of that version.</summary>
    NotFound,

    /// <summary>Another draft is open: one draft at a time.</summary>
    DraftOpen,

    /// <summary>The release is published and never changes.</summary>
    Published,

    /// <summary>If-Match named no current revision.</summary>
    Stale,

    /// <summary>The draft has no files to publish, or no file at that path to remove.</summary>
    Invalid,
}
