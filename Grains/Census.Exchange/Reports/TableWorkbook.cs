using System.Globalization;
using Census.Exchange.Imports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Exchange.Reports;

/// <summary>
/// A one-sheet workbook of a table: a header row, then one row per line, in the same columns as the table's CSV. Numbers
/// are written as numbers so a spreadsheet can sum them; text (ids included) as inline strings, never as formulas.
/// </summary>
public static class TableWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The workbook's bytes. Reports are one line per institution or sector (thousands at most): built in memory.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            workbookPart.Workbook = new Workbook(new Sheets(
                new Sheet { Name = sheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }));
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, header);
                var index = 1u;
                foreach (var row in rows)
                {
                    WriteRow(writer, ++index, row);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            workbookPart.Workbook.Save();
        }

        return buffer.ToArray();
    }

    private static void WriteRow<T>(OpenXmlWriter writer, uint index, IReadOnlyList<T> values)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var column = 0; column < values.Count; column++)
        {
            if (Cell(values[column]) is { } cell)
            {
                cell.CellReference = CellReference.Column(column) + index.ToString(CultureInfo.InvariantCulture);
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static Cell? Cell(object? value) => value switch
    {
        null => null,
        int or long or decimal or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
        },
    };
}
