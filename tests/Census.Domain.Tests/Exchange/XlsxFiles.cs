using System.IO.Compression;
using Census.Exchange.Template;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Domain.Tests.Exchange;

/// <summary>Workbooks built cell by cell, for what the template writer never writes (formulas, shared strings, date serials).</summary>
internal static class XlsxFiles
{
    public static Cell Text(string reference, string text) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text)),
    };

    public static Cell Shared(string reference, int index) => new()
    {
        CellReference = reference,
        DataType = CellValues.SharedString,
        CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static Cell Number(string reference, string value) => new() { CellReference = reference, CellValue = new CellValue(value) };

    public static Cell Formula(string reference, string formula, string? cached) => new()
    {
        CellReference = reference,
        DataType = cached is null ? null : CellValues.String,
        CellFormula = new CellFormula(formula),
        CellValue = cached is null ? null : new CellValue(cached),
    };

    /// <summary>A workbook of one sheet with these rows (row n holds the cells given for it), and optional shared strings.</summary>
    public static MemoryStream Workbook(IEnumerable<Row> rows, IEnumerable<string>? sharedStrings = null)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(rows));
            if (sharedStrings is not null)
            {
                var table = workbookPart.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            }

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = "data", SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
        }

        stream.Position = 0;
        return stream;
    }

    public static Row Row(uint number, params Cell[] cells) => new(cells) { RowIndex = number };

    /// <summary>A header row of the given keys in row 1.</summary>
    public static Row Header(params string[] keys) =>
        Row(1, [.. keys.Select((k, i) => Text(Census.Exchange.Imports.CellReference.Of(i, 1), k))]);

    /// <summary>A valid record's full row (every template column) as inline strings, at row <paramref name="number"/>.</summary>
    public static Row RecordRow(uint number, string?[] cells) =>
        Row(number, [.. cells.Select((c, i) => c is null ? null : Text(Census.Exchange.Imports.CellReference.Of(i, (int)number), c)).OfType<Cell>()]);

    public static Row FullHeader() => Header([.. SurveyColumns.All.Select(c => c.Key)]);

    /// <summary>A zip whose one entry inflates to <paramref name="bytes"/> zero bytes: tiny on disk, large unpacked.</summary>
    public static MemoryStream Bomb(long bytes)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[64 * 1024];
            for (long written = 0; written < bytes; written += zeros.Length)
            {
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, bytes - written));
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A <see cref="Bomb"/> whose headers claim its one entry unpacks to <paramref name="claimed"/> bytes.</summary>
    public static MemoryStream Lying(long bytes, uint claimed)
    {
        var zip = Bomb(bytes).ToArray();
        // The local header's uncompressed size is at offset 22; the central directory entry's at 24 past its signature.
        BitConverter.GetBytes(claimed).CopyTo(zip, 22);
        var central = Enumerable.Range(0, zip.Length - 4).First(i => zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 1 && zip[i + 3] == 2);
        BitConverter.GetBytes(claimed).CopyTo(zip, central + 24);
        return new MemoryStream(zip);
    }
}
