using Census.Contracts.Imports;
using Census.Contracts.Institutions;
using Census.Contracts.Rounds;
using Census.Grains.Surveys;

namespace Census.Grains.Imports;

/// <summary>
/// What a run would make of rows, judged against the institution's current records in the round: created, updated,
/// unchanged (equal to the current revision, the institution's sector filled in as a write would), withdrawn, or an
/// error (a withdrawal of a record that does not exist). The records are read once from the index's documents and
/// kept only as digests of their content.
/// </summary>
internal sealed class ImportPlan(Dictionary<string, string> current, Sector? institutionSector)
{
    private const int ReadPage = 1_000;

    public static async Task<ImportPlan> LoadAsync(ISurveyIndex index, IGrainFactory grains, ImportDefinition definition, CancellationToken cancellationToken)
    {
        var context = await grains.GetGrain<IAssignmentGrain>($"{definition.RoundId}/{definition.InstitutionId}").GetWriteContext();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var documents = await index.ListDocumentsAsync(definition.RoundId, definition.InstitutionId, page, ReadPage, cancellationToken);
            foreach (var document in documents)
            {
                current[document.DatasetId] = SurveyRecordContent.Digest(document.Record);
            }

            if (documents.Count < ReadPage)
            {
                return new ImportPlan(current, context?.InstitutionSector);
            }
        }
    }

    public bool Exists(string datasetId) => current.ContainsKey(datasetId);

    public ImportPage Judge(IReadOnlyList<StoredImportRow> rows)
    {
        var page = new ImportPage();
        foreach (var row in rows)
        {
            page.LastRow = row.Row;
            if (!row.Valid)
            {
                page.Add(row.Row, ImportRowOutcome.Invalid);
            }
            else if (row.Action == ImportRowAction.Withdraw)
            {
                if (Exists(row.DatasetId!))
                {
                    page.Add(row.Row, ImportRowOutcome.Withdrawn);
                }
                else
                {
                    page.Invalid(NothingToWithdraw(row));
                }
            }
            else if (!current.TryGetValue(row.DatasetId!, out var digest))
            {
                page.Add(row.Row, ImportRowOutcome.Created);
            }
            else
            {
                var record = row.Record! with { Sector = row.Record!.Sector ?? institutionSector };
                page.Add(row.Row, SurveyRecordContent.Digest(record) == digest ? ImportRowOutcome.Unchanged : ImportRowOutcome.Updated);
            }
        }

        return page;
    }

    public static ImportError NothingToWithdraw(StoredImportRow row) =>
        new(row.Row, row.DatasetId, "action", $"withdraws dataset '{row.DatasetId}', which has no record in this round to withdraw.");
}
