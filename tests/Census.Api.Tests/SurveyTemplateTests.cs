using Census.Exchange.Template;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Api.Tests;

/// <summary>api.md "Bulk intake and exchange": the import template, as a workbook and as CSV, for any valid key.</summary>
[Collection(SurveyRecordsCollection.Name)]
public sealed class SurveyTemplateTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_xlsx_template_is_a_workbook_with_drop_down_lists_and_a_sheet_explaining_every_column()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Client.GetAsync("/api/v1/templates/survey.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SurveyTemplate.XlsxMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("census-survey-template.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["설문", "설명"], sheets.Take(2).Select(s => s.Name!.Value));
        var data = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var header = data.Worksheet.Descendants<Row>().First().Elements<Cell>().Select(c => c.InlineString!.InnerText).ToList();
        Assert.Equal(SurveyColumns.All.Select(c => c.Header), header);
        var listed = SurveyColumns.All.Count(c => c.Type is ColumnType.Enum or ColumnType.Bool);
        Assert.Equal(listed, data.Worksheet.Descendants<DataValidation>().Count(v => v.Type! == DataValidationValues.List));
        Assert.NotNull(data.Worksheet.Descendants<Pane>().SingleOrDefault(p => p.State! == PaneStateValues.Frozen));
        var help = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
        Assert.Equal(SurveyColumns.All.Count + 1, help.Worksheet.Descendants<Row>().Count());
    }

    [Fact]
    public async Task The_CSV_template_is_its_header_row_in_UTF_8_with_a_byte_order_mark()
    {
        var p = await gateway.NewParticipant();

        using var response = await p.Agency.Client.GetAsync("/api/v1/templates/survey.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("census-survey-template.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(string.Join(",", SurveyColumns.All.Select(c => c.Header)) + "\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    [InlineData("/api/v1/templates/survey.xlsx")]
    [InlineData("/api/v1/templates/survey.csv")]
    public async Task The_template_needs_a_key(string path)
    {
        using var response = await gateway.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
