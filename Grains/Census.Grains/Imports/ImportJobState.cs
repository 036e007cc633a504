using Census.Contracts.Imports;

namespace Census.Grains.Imports;

/// <summary>
/// An import grain's durable state: small and fixed in size — its rows and errors are in the import store. The
/// cursor is the last row whose page is done; a resumed run starts after it.
/// </summary>
[GenerateSerializer, Alias("census.ImportJobState")]
public sealed class ImportJobState
{
    [Id(0)] public ImportDefinition? Definition { get; set; }
    [Id(1)] public ImportState State { get; set; }
    [Id(2)] public int Rows { get; set; }
    [Id(3)] public int Invalid { get; set; }
    [Id(4)] public int Created { get; set; }
    [Id(5)] public int Updated { get; set; }
    [Id(6)] public int Unchanged { get; set; }
    [Id(7)] public int Withdrawn { get; set; }

    /// <summary>The last row number whose page is done (outcomes recorded, counters above include it).</summary>
    [Id(8)] public int Cursor { get; set; }

    /// <summary>Rows done, valid or not.</summary>
    [Id(9)] public int Processed { get; set; }

    [Id(10)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(11)] public int FailedAttempts { get; set; }
    [Id(12)] public List<ImportError> ErrorsSample { get; set; } = [];

    /// <summary>Why a run failed, or why it stopped early.</summary>
    [Id(13)] public string? Reason { get; set; }

    /// <summary>An atomic run has checked every withdrawal names a record before writing anything.</summary>
    [Id(14)] public bool Checked { get; set; }
}
