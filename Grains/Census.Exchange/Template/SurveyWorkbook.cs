using System.Globalization;
using Census.Contracts.Surveys;
using Census.Exchange.Imports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Exchange.Template;

/// <summary>
/// Writes the xlsx template: sheet "설문" (the header, frozen, then one row per record, streamed with
/// <see cref="OpenXmlWriter"/>), sheet "설명" (every column explained in Korean) and a hidden sheet "목록"
/// holding the allowed values the drop-down lists of the enumerated and yes/no columns point at.
/// </summary>
internal static class SurveyWorkbook
{
    public const string DataSheet = "설문";
    public const string HelpSheet = "설명";
    public const string ListSheet = "목록";

    private const uint BoldStyle = 1;
    private const uint WrapStyle = 2;

    public static async ValueTask WriteAsync(
        Stream seekable, IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> records, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(seekable, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        Styles(workbookPart);
        var dataPart = workbookPart.AddNewPart<WorksheetPart>();
        var helpPart = workbookPart.AddNewPart<WorksheetPart>();
        var listPart = workbookPart.AddNewPart<WorksheetPart>();
        workbookPart.Workbook = new Workbook(new Sheets(
            new Sheet { Name = DataSheet, SheetId = 1, Id = workbookPart.GetIdOfPart(dataPart) },
            new Sheet { Name = HelpSheet, SheetId = 2, Id = workbookPart.GetIdOfPart(helpPart) },
            new Sheet { Name = ListSheet, SheetId = 3, Id = workbookPart.GetIdOfPart(listPart), State = SheetStateValues.Hidden }));
        var lists = ListColumns();
        await DataAsync(dataPart, records, lists, cancellationToken);
        Help(helpPart);
        Lists(listPart, lists);
        workbookPart.Workbook.Save();
    }

    /// <summary>The columns with a drop-down list, each with its column on the hidden "목록" sheet.</summary>
    private static List<(int Index, SurveyColumn Column, string ListColumn)> ListColumns()
    {
        var lists = new List<(int, SurveyColumn, string)>();
        for (var i = 0; i < SurveyColumns.All.Count; i++)
        {
            var column = SurveyColumns.All[i];
            if (column.Type is ColumnType.Enum or ColumnType.Bool)
            {
                lists.Add((i, column, CellReference.Column(lists.Count)));
            }
        }

        return lists;
    }

    private static async ValueTask DataAsync(
        WorksheetPart part, IAsyncEnumerable<(string DatasetId, SurveyRecord Record)> records,
        List<(int Index, SurveyColumn Column, string ListColumn)> lists, CancellationToken cancellationToken)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(SurveyColumns.All.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Width(c),
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, SurveyColumns.All.Select(c => new SheetCell(c.Header)).ToList(), BoldStyle);
        var row = 1;
        await foreach (var (datasetId, record) in records.WithCancellation(cancellationToken))
        {
            WriteRow(writer, ++row, SurveyRows.Cells(datasetId, record), style: null);
        }

        writer.WriteEndElement();
        var last = ImportReader.MaxRows + 1;
        writer.WriteElement(new DataValidations(lists.Select(l => new DataValidation(
            new Formula1($"'{ListSheet}'!${l.ListColumn}$2:${l.ListColumn}${(l.Column.Choices.Count + 1).ToString(CultureInfo.InvariantCulture)}"))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = l.Column.Label,
            Error = "목록의 값 중 하나를 고르세요 ('설명' 시트 참고).",
            SequenceOfReferences = new ListValue<StringValue>
            {
                InnerText = $"{CellReference.Of(l.Index, 2)}:{CellReference.Of(l.Index, last)}",
            },
        }))
        { Count = (uint)lists.Count });
        writer.WriteEndElement();
    }

    private static DoubleValue Width(SurveyColumn column) => column.Type switch
    {
        ColumnType.Text when column.Key is "title" or "description" or "collection.method" => 40,
        ColumnType.Text or ColumnType.List or ColumnType.EnumList => 24,
        _ => Math.Max(14, Math.Min(30, column.Header.Length + 4)),
    };

    private static void WriteRow(OpenXmlWriter writer, int row, IReadOnlyList<SheetCell> cells, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)row });
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Text is not { } text)
            {
                continue;
            }

            writer.WriteElement(CellOf(CellReference.Of(i, row), text, cells[i].IsNumber, style));
        }

        writer.WriteEndElement();
    }

    private static Cell CellOf(string reference, string text, bool number, uint? style) => number
        ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text), StyleIndex = style }
        : new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(XmlText.Encode(text)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };

    private static void Help(WorksheetPart part)
    {
        string[] header = ["열 (key)", "이름", "필수", "형식", "허용 값", "설명", "예"];
        var rows = new List<Row> { TextRow(1, header, BoldStyle) };
        var number = 1;
        foreach (var column in SurveyColumns.All)
        {
            rows.Add(TextRow(++number,
            [
                column.Key, column.Label, column.Required ? "예" : "아니오", TypeName(column.Type),
                string.Join("\n", column.Choices.Select(c => $"{c.Value} ({c.Label})")), column.Explanation, column.Example,
            ], WrapStyle));
        }

        double[] widths = [32, 20, 8, 16, 36, 60, 32];
        part.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            new SheetData(rows));
    }

    private static void Lists(WorksheetPart part, List<(int Index, SurveyColumn Column, string ListColumn)> lists)
    {
        var height = lists.Max(l => l.Column.Choices.Count) + 1;
        var rows = new List<Row>();
        for (var r = 1; r <= height; r++)
        {
            var row = new Row { RowIndex = (uint)r };
            for (var c = 0; c < lists.Count; c++)
            {
                var choices = lists[c].Column.Choices;
                var text = r == 1 ? lists[c].Column.Key : r - 2 < choices.Count ? choices[r - 2].Value : null;
                if (text is not null)
                {
                    row.Append(CellOf(CellReference.Of(c, r), text, number: false, style: null));
                }
            }

            rows.Add(row);
        }

        part.Worksheet = new Worksheet(new SheetData(rows));
    }

    private static Row TextRow(int number, IReadOnlyList<string> texts, uint style) =>
        new(texts.Select((t, i) => CellOf(CellReference.Of(i, number), t, number: false, style))) { RowIndex = (uint)number };

    private static string TypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "텍스트",
        ColumnType.List => "목록 (;로 구분)",
        ColumnType.Bool => "예/아니오",
        ColumnType.WholeNumber => "정수",
        ColumnType.DecimalNumber => "소수",
        ColumnType.Date => "날짜 (YYYY-MM-DD)",
        ColumnType.Enum => "값 하나",
        ColumnType.EnumList => "값 여러 개 (;로 구분)",
        _ => type.ToString(),
    };

    /// <summary>A minimal stylesheet: the default style, bold headers, and wrapped text for the explanations.</summary>
    private static void Styles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
            { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
            { Count = 3 });
        styles.Stylesheet.Save();
    }
}
