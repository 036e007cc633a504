using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Exchange.Imports;

/// <summary>
/// The rows of a workbook's first worksheet, read with <see cref="OpenXmlReader"/> one element at a time:
/// one row's cells are held, then handed out. Shared strings are read once, up front, into a list (a sheet
/// refers to them by index); that list is the only thing that grows with the file. Malformed XML is a problem
/// of the file, never an exception of the server.
/// </summary>
internal sealed class XlsxRows : IDisposable
{
    private readonly OpenXmlReader _reader;
    private readonly IReadOnlyList<string> _strings;
    private readonly ImportReaderOptions _options;
    private int _lastRow;

    // The number of the row whose start the last call read while finishing the row before it.
    private int? _pendingRowNumber;

    private XlsxRows(OpenXmlReader reader, IReadOnlyList<string> strings, bool date1904, ImportReaderOptions options)
    {
        _reader = reader;
        _strings = strings;
        _options = options;
        Date1904 = date1904;
    }

    public bool Date1904 { get; }

    /// <summary>One row: its number in the sheet and its cells by column (empty where the sheet has none).</summary>
    public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells);

    public static XlsxRows Open(SpreadsheetDocument document, ImportReaderOptions options) => Guard(() =>
    {
        var workbookPart = document.WorkbookPart ?? throw new ImportFileException("The file is not a spreadsheet (.xlsx): it has no workbook.");
        var workbook = workbookPart.Workbook;
        var first = workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
            ?? throw new ImportFileException("The workbook has no worksheet.");
        if (first.Id?.Value is not { } id || !workbookPart.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
        {
            throw new ImportFileException($"The first sheet '{first.Name?.Value}' is not a worksheet.");
        }

        var date1904 = workbook.WorkbookProperties?.Date1904?.Value == true;
        var strings = workbookPart.SharedStringTablePart is { } table ? SharedStrings(table) : [];
        return new XlsxRows(OpenXmlReader.Create(worksheet), strings, date1904, options);
    });

    /// <summary>The next row of the sheet, or null at its end.</summary>
    public SheetRow? Next() => Guard(ReadRow);

    public void Dispose() => _reader.Dispose();

    private SheetRow? ReadRow()
    {
        // The previous call stopped on the start of this row (or nothing has been read yet): read its cells
        // until the next row starts, which is left for the next call, or the sheet ends.
        var cells = new List<SheetCell>();
        var number = _pendingRowNumber ?? -1;
        _pendingRowNumber = null;
        var cell = default(CellState);
        while (_reader.Read())
        {
            var type = _reader.ElementType;
            if (type == typeof(Row) && _reader.IsStartElement)
            {
                var next = RowNumber();
                if (number >= 0)
                {
                    Commit(cells, ref cell, number);
                    _pendingRowNumber = next;
                    return new SheetRow(number, cells);
                }

                number = next;
            }
            else if (number >= 0)
            {
                Step(type, cells, ref cell, number);
            }
        }

        if (number < 0)
        {
            return null;
        }

        Commit(cells, ref cell, number);
        return new SheetRow(number, cells);
    }

    private int RowNumber()
    {
        var r = _reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
        _lastRow = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : _lastRow + 1;
        return _lastRow;
    }

    private struct CellState
    {
        public bool Open;
        public int Column;
        public string? Type;
        public bool HasFormula;
        public string? Value;
        public StringBuilder? Inline;
        public int PhoneticDepth;
    }

    private void Step(Type type, List<SheetCell> cells, ref CellState cell, int row)
    {
        if (type == typeof(Cell) && _reader.IsStartElement)
        {
            Commit(cells, ref cell, row);
            var reference = _reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
            var column = Imports.CellReference.ColumnOf(reference);
            cell = new CellState
            {
                Open = true,
                Column = column >= 0 ? column : cells.Count,
                Type = _reader.Attributes.FirstOrDefault(a => a.LocalName == "t").Value,
            };
        }
        else if (!cell.Open)
        {
            return;
        }
        else if (type == typeof(CellFormula) && _reader.IsStartElement)
        {
            cell.HasFormula = true;
        }
        else if (type == typeof(CellValue) && _reader.IsStartElement)
        {
            cell.Value = _reader.GetText();
        }
        else if (type == typeof(PhoneticRun))
        {
            cell.PhoneticDepth += _reader.IsStartElement ? 1 : -1;
        }
        else if (type == typeof(Text) && _reader.IsStartElement && cell.PhoneticDepth == 0)
        {
            (cell.Inline ??= new StringBuilder()).Append(_reader.GetText());
        }
    }

    private void Commit(List<SheetCell> cells, ref CellState cell, int row)
    {
        if (!cell.Open)
        {
            return;
        }

        var value = Value(cell, row);
        if (value.Text is { } text && text.Length > _options.MaxCellLength)
        {
            var where = Imports.CellReference.Of(cell.Column, row);
            throw new ImportFileException($"Cell {where} has {text.Length} characters; a cell may hold at most {_options.MaxCellLength}.", where);
        }

        while (cells.Count <= cell.Column)
        {
            cells.Add(default);
        }

        cells[cell.Column] = value;
        cell = default;
    }

    private SheetCell Value(CellState cell, int row)
    {
        if (cell.HasFormula && cell.Value is null && cell.Type != "inlineStr")
        {
            return new SheetCell(null, Problem:
                $"Cell {Imports.CellReference.Of(cell.Column, row)} is a formula without a computed value: type the value itself, or save the file in a spreadsheet program so it computes it.");
        }

        switch (cell.Type)
        {
            case "s":
                return int.TryParse(cell.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _strings.Count
                    ? new SheetCell(XmlText.Decode(_strings[index]))
                    : new SheetCell(null, Problem: $"Cell {Imports.CellReference.Of(cell.Column, row)} refers to a shared string the file does not have.");
            case "inlineStr":
                return new SheetCell(cell.Inline is null ? null : XmlText.Decode(cell.Inline.ToString()));
            case "str":
                return new SheetCell(cell.Value is null ? null : XmlText.Decode(cell.Value));
            case "b":
                return new SheetCell(cell.Value == "1" ? "true" : cell.Value == "0" ? "false" : cell.Value);
            case "e":
                return new SheetCell(null, Problem: $"Cell {Imports.CellReference.Of(cell.Column, row)} holds the error {cell.Value}.");
            case "d":
                // An ISO 8601 date cell: its date is the first ten characters when the time is midnight.
                var iso = cell.Value;
                return new SheetCell(iso is { Length: > 10 } && iso[10] == 'T' && iso[11..].TrimStart('0', ':', '.').Length == 0 ? iso[..10] : iso);
            default:
                return new SheetCell(cell.Value, IsNumber: cell.Value is not null);
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart table)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(table);
        StringBuilder? current = null;
        var phonetic = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                if (current is not null)
                {
                    strings.Add(current.ToString());
                }

                current = new StringBuilder();
                phonetic = 0;
            }
            else if (reader.ElementType == typeof(PhoneticRun))
            {
                phonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (reader.ElementType == typeof(Text) && reader.IsStartElement && phonetic == 0)
            {
                current?.Append(reader.GetText());
            }
        }

        if (current is not null)
        {
            strings.Add(current.ToString());
        }

        return strings;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is System.Xml.XmlException or OpenXmlPackageException or InvalidDataException or InvalidOperationException
            or ArgumentException or FormatException or IOException)
        {
            throw new ImportFileException("The spreadsheet cannot be read: " + e.Message, e);
        }
    }
}
