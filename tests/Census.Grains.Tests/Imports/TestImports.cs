using Census.Contracts.Imports;

namespace Census.Grains.Tests.Imports;

/// <summary>The arrange and act steps of the import tests: rows, an import begun, staged and started, and its end awaited.</summary>
internal sealed class TestImports(IGrainFactory grains)
{
    public static ImportRow Upsert(int row, string datasetId, SurveyRecord? record = null) =>
        new(row, datasetId, ImportRowAction.Upsert, record ?? SurveyRecords.Valid(), []);

    public static ImportRow Withdraw(int row, string datasetId) => new(row, datasetId, ImportRowAction.Withdraw, null, []);

    public static ImportRow Invalid(int row, string datasetId) =>
        new(row, datasetId, ImportRowAction.Upsert, null, [new ImportError(row, datasetId, "record.title", "is required.")]);

    /// <summary>Rows 2.. (the header is row 1), one new dataset each.</summary>
    public static List<ImportRow> NewDatasets(int count) =>
        [.. Enumerable.Range(2, count).Select(row => Upsert(row, TestCensus.NewDatasetId()))];

    public IImportGrain Import(string roundId, string institutionId, string importId) =>
        grains.GetGrain<IImportGrain>($"{roundId}/{institutionId}/{importId}");

    /// <summary>Begins, stages (in batches of 7, so batches and pages do not line up) and starts an import.</summary>
    public async Task<(IImportGrain Import, string ImportId)> Started(
        string roundId, string institutionId, IReadOnlyList<ImportRow> rows, bool dryRun = false, bool atomic = false)
    {
        var importId = UniqueIds.Next("imp");
        var import = Import(roundId, institutionId, importId);
        var begun = await import.Begin(new ImportDefinition(roundId, institutionId, importId, dryRun, atomic, ImportFileFormat.Ndjson, TestCensus.Agency, DateTimeOffset.UtcNow));
        Assert.Equal(ImportBeginOutcome.Begun, begun.Outcome);
        foreach (var batch in rows.Chunk(7))
        {
            Assert.True(await import.Stage(batch));
        }

        await import.Start();
        return (import, importId);
    }

    /// <summary>Runs an import to its end and returns it as it ended.</summary>
    public async Task<Import> Run(string roundId, string institutionId, IReadOnlyList<ImportRow> rows, bool dryRun = false, bool atomic = false)
    {
        var (import, _) = await Started(roundId, institutionId, rows, dryRun, atomic);
        return await Ended(import);
    }

    public static async Task<Import> Ended(IImportGrain import) =>
        (await Eventually.Until(import.Get, i => i!.State is not (ImportState.Validating or ImportState.Running)))!;
}
