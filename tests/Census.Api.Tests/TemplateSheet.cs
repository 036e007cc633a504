using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Api.Tests;

/// <summary>
/// The first sheet of a downloaded template, edited the way a spreadsheet program saves what its user typed:
/// text in the shared-string table (descriptions as inline strings, as some programs write them), numbers as
/// number cells, yes/no as boolean cells, and dates as date serials with a date format when asked. Columns are
/// found by the key the template's header names in parentheses, so the test follows the downloaded file.
/// </summary>
public sealed partial class TemplateSheet
{
    private readonly WorkbookPart _workbook;
    private readonly Worksheet _worksheet;
    private readonly SheetData _data;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _shared = new(StringComparer.Ordinal);
    private uint? _dateStyle;

    private TemplateSheet(WorkbookPart workbook)
    {
        _workbook = workbook;
        var first = workbook.Workbook.Sheets!.Elements<Sheet>().First();
        _worksheet = ((WorksheetPart)workbook.GetPartById(first.Id!)).Worksheet;
        _data = _worksheet.GetFirstChild<SheetData>()!;
        var header = _data.Elements<Row>().First(r => r.RowIndex?.Value == 1);
        foreach (var cell in header.Elements<Cell>())
        {
            var key = KeyInParentheses().Match(cell.InlineString?.InnerText ?? cell.InnerText);
            Assert.True(key.Success, $"The template's header cell {cell.CellReference} names no key.");
            _columns[key.Groups[1].Value] = ColumnIndex(cell.CellReference!.Value!);
        }

        if (workbook.SharedStringTablePart?.SharedStringTable is { } table)
        {
            foreach (var item in table.Elements<SharedStringItem>())
            {
                _shared.TryAdd(item.InnerText, _shared.Count);
            }
        }
    }

    /// <summary>Opens the xlsx, lets <paramref name="edit"/> change its first sheet, and returns the saved file.</summary>
    public static byte[] Edit(byte[] xlsx, Action<TemplateSheet> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = new TemplateSheet(document.WorkbookPart!);
            edit(sheet);
            sheet.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Types a record into spreadsheet row <paramref name="row"/>: its dataset id, then every member it has under its column.</summary>
    public void Record(int row, string datasetId, JsonObject record)
    {
        Text(row, "datasetId", datasetId);
        foreach (var key in _columns.Keys)
        {
            switch (Member(record, key))
            {
                case JsonArray items:
                    Text(row, key, string.Join("; ", items.Select(i => i!.GetValue<string>())));
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    var text = value.GetValue<string>();
                    Put(row, key, key == "description" ? Inline(text) : Shared(text));
                    break;
                case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    Put(row, key, new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value.GetValue<bool>() ? "1" : "0") });
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                    Number(row, key, value.ToJsonString());
                    break;
            }
        }
    }

    /// <summary>A text cell (shared string), replacing what the cell held.</summary>
    public void Text(int row, string key, string text) => Put(row, key, Shared(text));

    /// <summary>A number cell, replacing what the cell held.</summary>
    public void Number(int row, string key, string number) => Put(row, key, new Cell { CellValue = new CellValue(number) });

    /// <summary>A date as a spreadsheet program stores one: the day's serial number, shown through a date format.</summary>
    public void Date(int row, string key, DateOnly date)
    {
        var serial = date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture);
        Put(row, key, new Cell { CellValue = new CellValue(serial), StyleIndex = DateStyle() });
    }

    private static JsonNode? Member(JsonObject record, string key)
    {
        JsonNode? node = record;
        foreach (var segment in key.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node;
    }

    private Cell Shared(string text)
    {
        if (!_shared.TryGetValue(text, out var index))
        {
            var part = _workbook.SharedStringTablePart ?? _workbook.AddNewPart<SharedStringTablePart>();
            part.SharedStringTable ??= new SharedStringTable();
            part.SharedStringTable.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            index = _shared.Count;
            _shared[text] = index;
        }

        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
    }

    private static Cell Inline(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private uint DateStyle()
    {
        if (_dateStyle is { } style)
        {
            return style;
        }

        // Built-in number format 14 is the short date every spreadsheet program shows a date serial with.
        var formats = _workbook.WorkbookStylesPart!.Stylesheet.CellFormats!;
        formats.Append(new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        var count = (uint)formats.Elements<CellFormat>().Count();
        formats.Count = count;
        _dateStyle = count - 1;
        return count - 1;
    }

    private void Put(int row, string key, Cell cell)
    {
        Assert.True(_columns.TryGetValue(key, out var column), $"The template has no column '{key}'.");
        cell.CellReference = Reference(column, row);
        var target = RowAt(row);
        var existing = target.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == cell.CellReference.Value);
        if (existing is not null)
        {
            existing.InsertAfterSelf(cell);
            existing.Remove();
            return;
        }

        var after = target.Elements<Cell>().FirstOrDefault(c => ColumnIndex(c.CellReference!.Value!) > column);
        if (after is null)
        {
            target.Append(cell);
        }
        else
        {
            after.InsertBeforeSelf(cell);
        }
    }

    private Row RowAt(int number)
    {
        var existing = _data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == number);
        if (existing is not null)
        {
            return existing;
        }

        var row = new Row { RowIndex = (uint)number };
        var after = _data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value > number);
        if (after is null)
        {
            _data.Append(row);
        }
        else
        {
            after.InsertBeforeSelf(row);
        }

        return row;
    }

    private void Save()
    {
        _worksheet.Save();
        _workbook.SharedStringTablePart?.SharedStringTable.Save();
        _workbook.WorkbookStylesPart?.Stylesheet.Save();
    }

    private static string Reference(int column, int row)
    {
        var letters = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    [GeneratedRegex(@"\(([A-Za-z.]+)\)\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyInParentheses();
}
