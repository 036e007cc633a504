using Census.Contracts.Common;
using Census.Contracts.Imports;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Grains.Storage;
using Census.Grains.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Census.Grains.Imports;

/// <summary>
/// One import (intake-exchange.md "Rules of an import"). The gateway stages the file's rows into the import store
/// through <see cref="IImportGrain.Stage"/>, then starts it. The run goes page by page on an interleaving timer,
/// so reading or canceling the import never waits for it; after each page the outcomes and errors are stored and
/// the counters and cursor persisted, and a reminder resumes a run whose silo died. A row is written through its
/// dataset grain exactly as a PUT, keyed <c>import:{importId}:{row}</c>: a page written again after a crash replays
/// what the first attempt made instead of making it twice.
/// </summary>
[GrainType("import")]
public sealed class ImportGrain(
    [PersistentState("import", StorageNames.Census)] IPersistentState<ImportJobState> state,
    IImportStore store,
    ISurveyIndex index,
    IOptions<ImportOptions> options,
    ImportWriteSlots siloSlots,
    TimeProvider clock,
    ILogger<ImportGrain> logger) : Grain, IImportGrain, IRemindable
{
    private const string ResumeReminder = "resume";
    private const int MaxAttempts = 8;

    private ImportJobState S => state.State;

    private ImportDefinition Definition => S.Definition!;

    /// <summary>The run is going in this activation (its timer is set or running).</summary>
    private bool _running;

    /// <summary>A cancel waits for the run to stop between rows; the run completes this when it has.</summary>
    private TaskCompletionSource? _stopped;

    private bool _cancelRequested;

    /// <summary>
    /// The next page may have been written in part by an earlier attempt (this activation did not start the run, or
    /// its last attempt failed): a withdrawal that finds nothing there is then taken as that attempt's.
    /// </summary>
    private bool _resuming = true;

    async Task<ImportBeginResult> IImportGrain.Begin(ImportDefinition definition)
    {
        if (S.Definition is not null)
        {
            return new ImportBeginResult(ImportBeginOutcome.Exists, View());
        }

        S.Definition = definition;
        S.State = ImportState.Validating;
        await state.WriteOrRollBackAsync(this);
        await store.SaveImportAsync(definition.RoundId, definition.InstitutionId, View());
        return new ImportBeginResult(ImportBeginOutcome.Begun, View());
    }

    async Task<bool> IImportGrain.Stage(IReadOnlyList<ImportRow> rows)
    {
        if (S.Definition is null || S.State != ImportState.Validating)
        {
            return false;
        }

        await store.AddRowsAsync(Definition.ImportId, rows);
        return true;
    }

    async Task<Import> IImportGrain.Start()
    {
        if (S.Definition is null)
        {
            throw new InvalidOperationException($"Import '{this.GetPrimaryKeyString()}' was never begun.");
        }

        if (S.State != ImportState.Validating)
        {
            return View();
        }

        await store.MarkDuplicatesAsync(Definition.ImportId);
        (S.Rows, S.Invalid) = await store.CountRowsAsync(Definition.ImportId);
        S.ErrorsSample = [.. (await store.ReadErrorsAsync(Definition.ImportId, 1, options.Value.ErrorsSample)).Items];
        if (Definition.Atomic && !Definition.DryRun && S.Invalid > 0)
        {
            End(ImportState.Completed, $"Atomic import: {S.Invalid} of {S.Rows} rows are invalid, so no row was written.");
            await state.WriteOrRollBackAsync(this);
            await store.SaveImportAsync(Definition.RoundId, Definition.InstitutionId, View());
            return View();
        }

        S.State = ImportState.Running;
        await state.WriteOrRollBackAsync(this);
        await store.SaveImportAsync(Definition.RoundId, Definition.InstitutionId, View());
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _resuming = false;
        StartRunning();
        return View();
    }

    async Task IImportGrain.Discard()
    {
        if (S.Definition is null)
        {
            return;
        }

        await store.DeleteAsync(Definition.ImportId);
        await state.ClearStateAsync();
        state.State = new ImportJobState();
    }

    Task<Import?> IImportGrain.Get()
    {
        // A run left running by a process that stopped (local mode keeps reminders in memory) resumes when it is
        // next looked at; StartRunning does nothing if this activation is already at it.
        StartRunning();
        return Task.FromResult(S.Definition is null ? null : View());
    }

    async Task<Page<ImportError>?> IImportGrain.Errors(int page, int pageSize)
    {
        if (S.Definition is null)
        {
            return null;
        }

        var (items, total) = await store.ReadErrorsAsync(Definition.ImportId, page, pageSize);
        return new Page<ImportError>(items, page, pageSize, total);
    }

    async Task<IReadOnlyList<ImportRow>?> IImportGrain.StagedRows(int afterRow, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterRow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (S.Definition is null)
        {
            return null;
        }

        var rows = await store.ReadRowsAsync(Definition.ImportId, afterRow, limit);
        return [.. rows.Select(r => new ImportRow(r.Row, r.DatasetId, r.Action, r.Record, []))];
    }

    async Task<ImportCancelResult> IImportGrain.Cancel(string actor)
    {
        if (S.Definition is null)
        {
            return new ImportCancelResult(ImportCancelOutcome.NotFound, null);
        }

        switch (S.State)
        {
            case ImportState.Completed or ImportState.Failed:
                return new ImportCancelResult(ImportCancelOutcome.AlreadyEnded, View());
            case ImportState.Running when _running:
                _cancelRequested = true;
                _stopped ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await _stopped.Task;
                break;
            case ImportState.Validating or ImportState.Running:
                End(ImportState.Canceled, null);
                await state.WriteOrRollBackAsync(this);
                await store.SaveImportAsync(Definition.RoundId, Definition.InstitutionId, View());
                await ForgetReminderAsync();
                break;
        }

        logger.LogInformation("Import {ImportId} canceled by {Actor}", Definition.ImportId, actor);
        return new ImportCancelResult(ImportCancelOutcome.Canceled, View());
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.State == ImportState.Running)
        {
            StartRunning();
        }
        else
        {
            await ForgetReminderAsync();
        }
    }

    private void StartRunning(TimeSpan delay = default)
    {
        if (_running || S.Definition is null || S.State != ImportState.Running)
        {
            return;
        }

        _running = true;

        // Interleaved, so Get and Cancel are answered while a page is written; kept alive while it runs.
        this.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeSpan? retry = null;
        try
        {
            // Judging rows needs the current records (read once from the index, not a dataset grain per row):
            // a dry run judges every row, an atomic run checks its withdrawals before its first write.
            var plan = Definition.DryRun || (Definition.Atomic && !S.Checked)
                ? await ImportPlan.LoadAsync(index, GrainFactory, Definition, cancellationToken)
                : null;
            if (Definition.Atomic && !Definition.DryRun && !S.Checked && !await CheckWithdrawalsAsync(plan!, cancellationToken))
            {
                return;
            }

            while (S.State == ImportState.Running && !_cancelRequested)
            {
                var rows = await store.ReadRowsAsync(Definition.ImportId, S.Cursor, options.Value.PageSize, cancellationToken);
                if (rows.Count == 0)
                {
                    End(ImportState.Completed, null);
                    await RecordAsync([], [], cancellationToken);
                    break;
                }

                var page = Definition.DryRun ? plan!.Judge(rows) : await WriteAsync(rows);
                _resuming = false;
                S.FailedAttempts = 0;
                Count(page);
                S.Cursor = page.LastRow;
                if (page.Refusal is { } refusal)
                {
                    End(ImportState.Failed, refusal);
                }

                await RecordAsync(page.Outcomes, page.Errors, cancellationToken);
            }

            if (_cancelRequested && S.State == ImportState.Running)
            {
                End(ImportState.Canceled, null);
                await RecordAsync([], [], cancellationToken);
            }

            if (S.State != ImportState.Running)
            {
                await ForgetReminderAsync();
                logger.LogInformation(
                    "Import {ImportId} {State}: {Rows} rows, {Created} created, {Updated} updated, {Unchanged} unchanged, {Withdrawn} withdrawn, {Invalid} invalid",
                    Definition.ImportId, S.State, S.Rows, S.Created, S.Updated, S.Unchanged, S.Withdrawn, S.Invalid);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left running from its cursor: tried again after a delay (or by the reminder, or when read), up to a limit.
            // The page's counters and cursor may be in memory but not stored: the stored state is where it resumes.
            logger.LogWarning(e, "Import {ImportId} failed a page after row {Cursor}", Definition.ImportId, S.Cursor);
            await state.ReadStateAsync(CancellationToken.None);
            _resuming = true;
            if (_cancelRequested)
            {
                End(ImportState.Canceled, null);
            }
            else if (++S.FailedAttempts >= MaxAttempts)
            {
                End(ImportState.Failed, $"Gave up after {MaxAttempts} attempts: {e.GetType().Name}.");
            }
            else
            {
                retry = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.Value.RetryDelay.Ticks << Math.Min(S.FailedAttempts - 1, 5)));
            }

            await state.WriteOrRollBackAsync(this);
        }
        finally
        {
            _running = false;
            if (S.State != ImportState.Running || _cancelRequested)
            {
                _stopped?.TrySetResult();
                _stopped = null;
            }

            if (retry is { } delay && !_cancelRequested)
            {
                StartRunning(delay);
            }
        }
    }

    /// <summary>
    /// An atomic run writes nothing unless every row is valid, and a withdrawal of a record that does not exist is
    /// an invalid row: so before its first write, every withdrawal is checked against the current records.
    /// </summary>
    private async Task<bool> CheckWithdrawalsAsync(ImportPlan plan, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        for (var after = 0; ;)
        {
            var rows = await store.ReadRowsAsync(Definition.ImportId, after, options.Value.PageSize, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            errors.AddRange(rows.Where(r => r.Valid && r.Action == ImportRowAction.Withdraw && !plan.Exists(r.DatasetId!)).Select(ImportPlan.NothingToWithdraw));
            after = rows[^1].Row;
        }

        if (errors.Count == 0)
        {
            S.Checked = true;
            await state.WriteOrRollBackAsync(this);
            return true;
        }

        S.Invalid += errors.Count;
        Sample(errors);
        End(ImportState.Completed, $"Atomic import: {S.Invalid} of {S.Rows} rows are invalid, so no row was written.");
        await RecordAsync([.. errors.Select(e => (e.Row, ImportRowOutcome.Invalid))], errors, cancellationToken);
        await ForgetReminderAsync();
        return false;
    }

    /// <summary>Writes a page's valid rows through their dataset grains, a bounded number at once, stopping between rows on cancel.</summary>
    private async Task<ImportPage> WriteAsync(IReadOnlyList<StoredImportRow> rows)
    {
        var page = new ImportPage { LastRow = S.Cursor };
        var actor = $"{Definition.Actor} import:{Definition.ImportId}";
        using var slots = new SemaphoreSlim(options.Value.Parallelism);
        var writes = new List<Task>();
        foreach (var row in rows)
        {
            if (_cancelRequested || page.Refusal is not null)
            {
                break;
            }

            page.LastRow = row.Row;
            if (!row.Valid)
            {
                page.Add(row.Row, ImportRowOutcome.Invalid);
                continue;
            }

            await slots.WaitAsync();
            try
            {
                await siloSlots.WaitAsync();
            }
            catch
            {
                slots.Release();
                throw;
            }

            writes.Add(WriteRowAsync(row, actor, page, slots));
        }

        await Task.WhenAll(writes);
        return page;
    }

    private async Task WriteRowAsync(StoredImportRow row, string actor, ImportPage page, SemaphoreSlim slots)
    {
        try
        {
            var dataset = GrainFactory.GetGrain<IDatasetGrain>($"{Definition.InstitutionId}/{row.DatasetId}");
            if (row.Action == ImportRowAction.Withdraw)
            {
                var withdrawal = await dataset.Withdraw(Definition.RoundId, actor, ifMatch: null);
                switch (withdrawal.Outcome)
                {
                    case SurveyWriteOutcome.Withdrawn:
                        page.Add(row.Row, ImportRowOutcome.Withdrawn);
                        break;
                    case SurveyWriteOutcome.NotFound when _resuming:
                        // This page was under way when the run stopped: the withdrawal found nothing because the
                        // earlier attempt made it (a withdrawal carries no idempotency key to replay).
                        page.Add(row.Row, ImportRowOutcome.Withdrawn);
                        break;
                    case SurveyWriteOutcome.NotFound:
                        page.Invalid(ImportPlan.NothingToWithdraw(row));
                        break;
                    default:
                        page.Refuse(row, withdrawal.Detail);
                        break;
                }

                return;
            }

            var key = $"import:{Definition.ImportId}:{row.Row}";
            var write = new SurveyWrite(Definition.RoundId, row.Record!, actor, IfMatch: null, IdempotencyKey: key, BodyHash: key) { KeepUnchanged = true };
            var result = await dataset.Put(write);
            switch (result.Outcome)
            {
                case SurveyWriteOutcome.Created:
                    page.Add(row.Row, ImportRowOutcome.Created);
                    break;
                case SurveyWriteOutcome.Updated:
                    page.Add(row.Row, ImportRowOutcome.Updated);
                    break;
                case SurveyWriteOutcome.Unchanged:
                    page.Add(row.Row, ImportRowOutcome.Unchanged);
                    break;
                default:
                    page.Refuse(row, result.Detail);
                    break;
            }
        }
        finally
        {
            siloSlots.Release();
            slots.Release();
        }
    }

    private void Count(ImportPage page)
    {
        foreach (var (_, outcome) in page.Outcomes)
        {
            switch (outcome)
            {
                case ImportRowOutcome.Created: S.Created++; break;
                case ImportRowOutcome.Updated: S.Updated++; break;
                case ImportRowOutcome.Unchanged: S.Unchanged++; break;
                case ImportRowOutcome.Withdrawn: S.Withdrawn++; break;
            }
        }

        S.Processed += page.Outcomes.Count;
        S.Invalid += page.NewlyInvalid;
        Sample(page.Errors);
    }

    private void Sample(IEnumerable<ImportError> errors)
    {
        foreach (var error in errors)
        {
            if (S.ErrorsSample.Count >= options.Value.ErrorsSample)
            {
                return;
            }

            S.ErrorsSample.Add(error);
        }
    }

    /// <summary>The page's outcomes and errors with the import as it now stands, then the state: a crash between them replays the page.</summary>
    private async Task RecordAsync(IReadOnlyList<(int Row, ImportRowOutcome Outcome)> outcomes, IReadOnlyList<ImportError> errors, CancellationToken cancellationToken)
    {
        await store.RecordPageAsync(new ImportPageRecord(Definition.RoundId, Definition.InstitutionId, View(), outcomes, errors), cancellationToken);
        await state.WriteOrRollBackAsync(this);
    }

    private void End(ImportState ended, string? reason)
    {
        S.State = ended;
        S.Reason = reason;
        S.CompletedAt = clock.GetUtcNow();
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private Import View()
    {
        var d = Definition;
        var progress = S.State is ImportState.Completed ? 1.0 : S.Rows == 0 ? 0.0 : Math.Min(1.0, (double)S.Processed / S.Rows);
        return new Import(
            d.ImportId, S.State, d.DryRun, d.Atomic, d.Format, S.Rows, S.Rows - S.Invalid, S.Invalid,
            S.Created, S.Updated, S.Unchanged, S.Withdrawn, progress, d.StartedAt, S.CompletedAt, [.. S.ErrorsSample], S.Reason);
    }
}
