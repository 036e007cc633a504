using Census.Contracts.Imports;

namespace Census.Grains.Imports;

/// <summary>
/// What one page of a run made of its rows: an outcome per row, the errors found on the way, and a refusal that
/// stops the run (the round closed under it). Filled by the row writes of one grain, one at a time.
/// </summary>
internal sealed class ImportPage
{
    public List<(int Row, ImportRowOutcome Outcome)> Outcomes { get; } = [];

    public List<ImportError> Errors { get; } = [];

    /// <summary>Rows valid when staged that this page found invalid (a withdrawal of nothing, a refused write).</summary>
    public int NewlyInvalid { get; private set; }

    /// <summary>The last row this page took up: the cursor once it is recorded.</summary>
    public int LastRow { get; set; }

    public string? Refusal { get; private set; }

    public void Add(int row, ImportRowOutcome outcome) => Outcomes.Add((row, outcome));

    public void Invalid(ImportError error)
    {
        Outcomes.Add((error.Row, ImportRowOutcome.Invalid));
        Errors.Add(error);
        NewlyInvalid++;
    }

    /// <summary>The row's write was refused for a reason of the round, not of the row: the run stops after this page.</summary>
    public void Refuse(StoredImportRow row, string? detail)
    {
        var reason = detail ?? "The write was refused.";
        Invalid(new ImportError(row.Row, row.DatasetId, "$", reason));
        Refusal ??= reason;
    }
}
