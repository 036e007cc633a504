using System.Collections.Concurrent;
using Census.Contracts.Imports;
using Census.Grains.Imports;

namespace Census.Grains.Tests.Imports;

/// <summary>
/// The import store of the import tests (SQLite), through which a test may make one import's next page record fail
/// (as if its silo died after writing the page's rows, before its cursor was kept) or hold its reads of rows after a
/// given row until the test lets them go.
/// </summary>
public sealed class ImportStoreProbe(IImportStore inner) : IImportStore
{
    private readonly ConcurrentDictionary<string, int> _failRecords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int AfterRow, ReadHold Hold)> _holds = new(StringComparer.Ordinal);

    /// <summary>How many page records of each import failed on purpose.</summary>
    public ConcurrentDictionary<string, int> FailedRecords { get; } = new(StringComparer.Ordinal);

    public void FailNextRecord(string importId) => _failRecords[importId] = 1;

    /// <summary>Holds the import's reads of rows after <paramref name="afterRow"/> (or later) until the hold is released.</summary>
    public ReadHold HoldReadsAfter(string importId, int afterRow)
    {
        var hold = new ReadHold();
        _holds[importId] = (afterRow, hold);
        return hold;
    }

    public Task AddRowsAsync(string importId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken = default) =>
        inner.AddRowsAsync(importId, rows, cancellationToken);

    public Task MarkDuplicatesAsync(string importId, CancellationToken cancellationToken = default) =>
        inner.MarkDuplicatesAsync(importId, cancellationToken);

    public Task<(int Rows, int Invalid)> CountRowsAsync(string importId, CancellationToken cancellationToken = default) =>
        inner.CountRowsAsync(importId, cancellationToken);

    public async Task<IReadOnlyList<StoredImportRow>> ReadRowsAsync(string importId, int afterRow, int limit, CancellationToken cancellationToken = default)
    {
        if (_holds.TryGetValue(importId, out var hold) && afterRow >= hold.AfterRow)
        {
            hold.Hold.Reached.TrySetResult();
            await hold.Hold.Release.Task;
        }

        return await inner.ReadRowsAsync(importId, afterRow, limit, cancellationToken);
    }

    public async Task RecordPageAsync(ImportPageRecord page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (_failRecords.TryRemove(page.Import.ImportId, out _))
        {
            FailedRecords.AddOrUpdate(page.Import.ImportId, 1, (_, n) => n + 1);
            throw new InvalidOperationException("The page could not be recorded (injected by the test).");
        }

        await inner.RecordPageAsync(page, cancellationToken);
    }

    public Task<(IReadOnlyList<ImportError> Items, int Total)> ReadErrorsAsync(string importId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        inner.ReadErrorsAsync(importId, page, pageSize, cancellationToken);

    public Task SaveImportAsync(string roundId, string institutionId, Import import, CancellationToken cancellationToken = default) =>
        inner.SaveImportAsync(roundId, institutionId, import, cancellationToken);

    public Task<(IReadOnlyList<Import> Items, int Total)> ListImportsAsync(string roundId, string institutionId, int page, int pageSize, CancellationToken cancellationToken = default) =>
        inner.ListImportsAsync(roundId, institutionId, page, pageSize, cancellationToken);

    public Task DeleteAsync(string importId, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(importId, cancellationToken);
}
