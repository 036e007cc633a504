using Census.Domain.Provision;
using Census.Exchange.Imports;
using DocumentFormat.OpenXml.Packaging;

namespace Census.Exchange.Evidence;

/// <summary>
/// An xlsx table's classes: the first worksheet, read with the import's SAX row reader (<see cref="XlsxRows"/>) behind
/// the same checks an import makes (a zip, not encrypted, not a zip bomb). The header is the first non-empty row.
/// </summary>
internal sealed class XlsxEvidenceRows : EvidenceRows
{
    private readonly SpreadsheetDocument _document;
    private readonly XlsxRows _rows;
    private readonly EvidenceColumns _columns;
    private readonly Func<int, (string?, bool)> _cell;
    private IReadOnlyList<SheetCell> _cells = [];

    private XlsxEvidenceRows(SpreadsheetDocument document, XlsxRows rows, EvidenceColumns columns)
        : base(columns.Header)
    {
        _document = document;
        _rows = rows;
        _columns = columns;
        _cell = j => (_cells[j].Text, _cells[j].IsNumber);
    }

    public static async Task<XlsxEvidenceRows> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var start = stream.Position;
        SpreadsheetDocument? document = null;
        XlsxRows? rows = null;
        try
        {
            await XlsxImportReader.SniffAsync(stream, cancellationToken);
            stream.Position = start;
            XlsxImportReader.CheckUnpackedSize(stream, ImportReaderOptions.Default);
            stream.Position = start;
            document = XlsxImportReader.Open(stream);
            rows = XlsxRows.Open(document, ImportReaderOptions.Default);
            while (rows.Next() is { } row)
            {
                if (row.Cells.All(c => c.IsEmpty))
                {
                    continue;
                }

                var columns = EvidenceColumns.Resolve([.. row.Cells.Select(c => c.Text)]);
                return new XlsxEvidenceRows(document, rows, columns);
            }

            throw new EvidenceTableException("The first worksheet is empty: its first row must be the header (count, qi:<name>, sa:<attribute>=<value>).", null, null);
        }
        catch (ImportFileException e)
        {
            rows?.Dispose();
            document?.Dispose();
            throw new EvidenceTableException(e.Where is null ? e.Message : $"{e.Message} ({e.Where})", e);
        }
        catch
        {
            rows?.Dispose();
            document?.Dispose();
            throw;
        }
    }

    public override ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (_rows.Next() is { } row)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _cells = row.Cells;
                if (_cells.FirstOrDefault(c => c.Problem is not null).Problem is { } problem)
                {
                    throw new EvidenceTableException(problem, Row + 1, null);
                }

                if (_columns.Read(Row + 1, _cells.Count, _cell, Qi, Sensitive, out var count))
                {
                    Row++;
                    Count = count;
                    return ValueTask.FromResult(true);
                }
            }

            return ValueTask.FromResult(false);
        }
        catch (ImportFileException e)
        {
            throw new EvidenceTableException(e.Where is null ? e.Message : $"{e.Message} ({e.Where})", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
            _document.Dispose();
        }

        base.Dispose(disposing);
    }
}
