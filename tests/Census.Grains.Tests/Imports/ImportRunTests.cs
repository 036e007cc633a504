using Census.Contracts.Imports;

namespace Census.Grains.Tests.Imports;

/// <summary>intake-exchange.md "Rules of an import", at the import grain: what a run writes, and what it refuses to.</summary>
[Collection(ImportClusterCollection.Name)]
public sealed class ImportRunTests(ImportClusterFixture fixture)
{
    private readonly TestCensus _census = new(fixture.Client);
    private readonly TestImports _imports = new(fixture.Client);

    [Fact]
    public async Task A_real_run_writes_every_valid_row_as_a_revision_by_the_import()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var rows = TestImports.NewDatasets(25);

        var import = await _imports.Run(roundId, institutionId, rows);

        Assert.Equal((ImportState.Completed, 25, 25, 0, 25), (import.State, import.Rows, import.Valid, import.Invalid, import.Created));
        Assert.Equal(1.0, import.Progress);
        Assert.NotNull(import.CompletedAt);
        var stored = (await _census.Dataset(institutionId, rows[24].DatasetId!).Get(roundId)).Response!;
        Assert.Equal(1, stored.Revision);
        Assert.Equal($"{TestCensus.Agency} import:{import.ImportId}", stored.UpdatedBy);
    }

    [Fact]
    public async Task Imports_running_at_once_share_the_silos_row_write_slots()
    {
        var runs = new List<Task<Import>>();
        fixture.InFlight.Reset();
        for (var i = 0; i < 4; i++)
        {
            var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
            runs.Add(_imports.Run(roundId, institutionId, TestImports.NewDatasets(40)));
        }

        var imports = await Task.WhenAll(runs);

        Assert.All(imports, i => Assert.Equal((ImportState.Completed, 40), (i.State, i.Created)));
        Assert.InRange(fixture.InFlight.Most("IDatasetGrain.Put"), 1, ImportClusterFixture.SiloParallelism);
    }

    [Fact]
    public async Task A_dry_run_reports_what_a_real_run_would_do_and_writes_nothing()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var (same, changed, withdrawn) = (TestCensus.NewDatasetId(), TestCensus.NewDatasetId(), TestCensus.NewDatasetId());
        foreach (var id in new[] { same, changed, withdrawn })
        {
            await _census.Dataset(institutionId, id).Put(TestCensus.Write(roundId));
        }

        var created = TestCensus.NewDatasetId();
        var missing = TestCensus.NewDatasetId();
        var import = await _imports.Run(roundId, institutionId,
        [
            TestImports.Upsert(2, same),
            TestImports.Upsert(3, changed, SurveyRecords.Valid() with { Title = "고친 제목" }),
            TestImports.Upsert(4, created),
            TestImports.Withdraw(5, withdrawn),
            TestImports.Withdraw(6, missing),
            TestImports.Invalid(7, TestCensus.NewDatasetId()),
        ], dryRun: true);

        Assert.Equal(
            (ImportState.Completed, 6, 4, 2, 1, 1, 1, 1),
            (import.State, import.Rows, import.Valid, import.Invalid, import.Created, import.Updated, import.Unchanged, import.Withdrawn));
        Assert.Contains(import.ErrorsSample, e => e.Row == 6 && e.DatasetId == missing && e.Path == "action");
        foreach (var id in new[] { same, changed, withdrawn })
        {
            Assert.Equal(1, (await _census.Dataset(institutionId, id).Get(roundId)).Response!.Revision);
        }

        Assert.Equal(SurveyReadOutcome.NotFound, (await _census.Dataset(institutionId, created).Get(roundId)).Outcome);
    }

    [Fact]
    public async Task An_atomic_import_with_one_invalid_row_writes_nothing()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var rows = TestImports.NewDatasets(12);
        rows.Add(TestImports.Invalid(14, TestCensus.NewDatasetId()));

        var import = await _imports.Run(roundId, institutionId, rows, atomic: true);

        Assert.Equal((ImportState.Completed, 1, 0), (import.State, import.Invalid, import.Created));
        Assert.NotNull(import.Reason);
        Assert.Equal(0, await fixture.Index.CountAsync(roundId, institutionId));
    }

    [Fact]
    public async Task An_atomic_import_withdrawing_a_record_that_does_not_exist_writes_nothing()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var rows = TestImports.NewDatasets(12);
        rows.Add(TestImports.Withdraw(14, TestCensus.NewDatasetId()));

        var import = await _imports.Run(roundId, institutionId, rows, atomic: true);

        Assert.Equal((ImportState.Completed, 1, 0), (import.State, import.Invalid, import.Created));
        Assert.Contains(import.ErrorsSample, e => e.Row == 14 && e.Path == "action");
        Assert.Equal(0, await fixture.Index.CountAsync(roundId, institutionId));
    }

    [Fact]
    public async Task A_row_equal_to_the_current_revision_is_unchanged_and_makes_no_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await dataset.Put(TestCensus.Write(roundId));

        var import = await _imports.Run(roundId, institutionId, [TestImports.Upsert(2, datasetId)]);

        Assert.Equal((1, 0, 0), (import.Unchanged, import.Updated, import.Created));
        var stored = (await dataset.Get(roundId)).Response!;
        Assert.Equal(1, stored.Revision);
        Assert.Equal(TestCensus.Agency, stored.UpdatedBy);
    }

    [Fact]
    public async Task A_row_that_differs_from_the_current_revision_makes_the_next_revision()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var datasetId = TestCensus.NewDatasetId();
        var dataset = _census.Dataset(institutionId, datasetId);
        await dataset.Put(TestCensus.Write(roundId));

        var import = await _imports.Run(roundId, institutionId, [TestImports.Upsert(2, datasetId, SurveyRecords.Valid() with { Title = "새 제목" })]);

        Assert.Equal((0, 1), (import.Unchanged, import.Updated));
        Assert.Equal(2, (await dataset.Get(roundId)).Response!.Revision);
    }

    [Fact]
    public async Task A_datasetId_twice_in_one_file_is_an_error_of_both_rows_and_neither_is_written()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var twice = TestCensus.NewDatasetId();
        var once = TestCensus.NewDatasetId();

        var import = await _imports.Run(roundId, institutionId, [TestImports.Upsert(2, twice), TestImports.Upsert(3, once), TestImports.Upsert(4, twice)]);

        Assert.Equal((3, 1, 2, 1), (import.Rows, import.Valid, import.Invalid, import.Created));
        Assert.Equal([2, 4], import.ErrorsSample.Where(e => e.Path == "datasetId").Select(e => e.Row).Order());
        Assert.All(import.ErrorsSample, e => Assert.Equal(twice, e.DatasetId));
        Assert.Equal(SurveyReadOutcome.NotFound, (await _census.Dataset(institutionId, twice).Get(roundId)).Outcome);
    }

    [Fact]
    public async Task A_withdraw_row_withdraws_and_one_of_a_record_that_does_not_exist_is_an_error_of_its_row()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var existing = TestCensus.NewDatasetId();
        await _census.Dataset(institutionId, existing).Put(TestCensus.Write(roundId));
        var missing = TestCensus.NewDatasetId();

        var import = await _imports.Run(roundId, institutionId, [TestImports.Withdraw(2, existing), TestImports.Withdraw(3, missing)]);

        Assert.Equal((ImportState.Completed, 1, 1), (import.State, import.Withdrawn, import.Invalid));
        var error = Assert.Single(import.ErrorsSample);
        Assert.Equal((3, missing, "action"), (error.Row, error.DatasetId, error.Path));
        Assert.Contains("no record", error.Message, StringComparison.Ordinal);
        Assert.Equal(SurveyReadOutcome.NotFound, (await _census.Dataset(institutionId, existing).Get(roundId)).Outcome);
    }

    [Fact]
    public async Task A_page_whose_record_failed_is_run_again_from_the_cursor_and_writes_no_row_twice()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var rows = TestImports.NewDatasets(ImportClusterFixture.PageSize * 3);
        var (import, importId) = await StartedWithFailure(roundId, institutionId, rows);

        var ended = await TestImports.Ended(import);

        Assert.Equal(1, fixture.Store.FailedRecords.GetValueOrDefault(importId));
        Assert.Equal((ImportState.Completed, rows.Count, 0), (ended.State, ended.Created, ended.Updated));
        foreach (var row in rows)
        {
            Assert.Equal(1, (await _census.Dataset(institutionId, row.DatasetId!).Get(roundId)).Response!.Revision);
        }
    }

    [Fact]
    public async Task A_canceled_import_stops_between_rows_and_keeps_what_it_wrote()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var rows = TestImports.NewDatasets(ImportClusterFixture.PageSize * 3);
        var importId = UniqueIds.Next("imp");
        var hold = fixture.Store.HoldReadsAfter(importId, afterRow: rows[ImportClusterFixture.PageSize - 1].Row);
        var import = await Begun(roundId, institutionId, importId, rows);
        await import.Start();
        await hold.Reached.Task;
        var cancels = fixture.Calls.Count("IImportGrain.Cancel");

        var cancel = import.Cancel(TestCensus.Agency);
        await Eventually.Until(() => Task.FromResult(fixture.Calls.Count("IImportGrain.Cancel")), n => n > cancels);
        hold.Release.SetResult();
        var canceled = (await cancel).Import!;

        Assert.Equal((ImportState.Canceled, ImportClusterFixture.PageSize), (canceled.State, canceled.Created));
        Assert.Equal(ImportClusterFixture.PageSize, await fixture.Index.CountAsync(roundId, institutionId));
        Assert.Equal(ImportCancelOutcome.Canceled, (await import.Cancel(TestCensus.Agency)).Outcome);
    }

    [Fact]
    public async Task A_completed_import_cannot_be_canceled()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var (import, _) = await _imports.Started(roundId, institutionId, TestImports.NewDatasets(3));
        await TestImports.Ended(import);

        Assert.Equal(ImportCancelOutcome.AlreadyEnded, (await import.Cancel(TestCensus.Agency)).Outcome);
    }

    [Fact]
    public async Task Beginning_an_import_that_exists_answers_it_unchanged()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var (import, importId) = await _imports.Started(roundId, institutionId, TestImports.NewDatasets(3));
        var ended = await TestImports.Ended(import);

        var again = await import.Begin(new ImportDefinition(roundId, institutionId, importId, true, true, ImportFileFormat.Csv, "other", DateTimeOffset.UtcNow));

        Assert.Equal(ImportBeginOutcome.Exists, again.Outcome);
        Assert.Equal((ended.DryRun, ended.Created, ended.Format), (again.Import.DryRun, again.Import.Created, again.Import.Format));
    }

    [Fact]
    public async Task A_discarded_import_leaves_no_rows_and_is_not_listed()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var importId = UniqueIds.Next("imp");
        var import = await Begun(roundId, institutionId, importId, TestImports.NewDatasets(5));

        await import.Discard();

        Assert.Null(await import.Get());
        Assert.Equal((0, 0), await fixture.Store.CountRowsAsync(importId));
        Assert.Equal(0, (await fixture.Client.GetGrain<IInstitutionImportsGrain>($"{roundId}/{institutionId}").List(1, 50)).Total);
    }

    [Fact]
    public async Task An_institutions_imports_are_listed_newest_first()
    {
        var (roundId, institutionId) = await _census.OpenRoundWithInstitution();
        var first = await _imports.Run(roundId, institutionId, TestImports.NewDatasets(2));
        var second = await _imports.Run(roundId, institutionId, TestImports.NewDatasets(3), dryRun: true);

        var page = await fixture.Client.GetGrain<IInstitutionImportsGrain>($"{roundId}/{institutionId}").List(1, 50);

        Assert.Equal(2, page.Total);
        Assert.Equal([second.ImportId, first.ImportId], page.Items.Select(i => i.ImportId));
        Assert.Equal(ImportState.Completed, page.Items[0].State);
    }

    private async Task<IImportGrain> Begun(string roundId, string institutionId, string importId, IReadOnlyList<ImportRow> rows)
    {
        var import = _imports.Import(roundId, institutionId, importId);
        await import.Begin(new ImportDefinition(roundId, institutionId, importId, false, false, ImportFileFormat.Ndjson, TestCensus.Agency, DateTimeOffset.UtcNow));
        Assert.True(await import.Stage(rows));
        return import;
    }

    private async Task<(IImportGrain Import, string ImportId)> StartedWithFailure(string roundId, string institutionId, IReadOnlyList<ImportRow> rows)
    {
        var importId = UniqueIds.Next("imp");
        var import = await Begun(roundId, institutionId, importId, rows);
        fixture.Store.FailNextRecord(importId);
        await import.Start();
        return (import, importId);
    }
}
