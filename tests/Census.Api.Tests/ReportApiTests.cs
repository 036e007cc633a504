using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Census.Exchange.Imports;
using Census.Exchange.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.VisualBasic.FileIO;

namespace Census.Api.Tests;

/// <summary>Reports by institution and by sector, as JSON and as CSV, checked against a small round worked by hand.</summary>
[Collection(RankingsCollection.Name)]
public sealed class ReportApiTests(GatewayFixture gateway)
{
    private const string Reports = "/api/v1/rounds/{0}/reports/{1}";

    /// <summary>A round with one participant that reported two records, plus one invited institution that reported nothing.</summary>
    private async Task<(Participant P, string Silent, JsonElement[] Written)> SmallRound()
    {
        var p = await gateway.NewParticipant();
        var silent = await gateway.NewInstitution("silent");
        var round = Ids.New("round");
        await gateway.Rounds.CreateValid(round, [p.InstitutionId, silent]);
        await gateway.Rounds.OpenValid(round);
        var participant = p with { RoundId = round };
        var first = await participant.Agency.PutValid(round, p.InstitutionId, Ids.New("ds"));
        var second = await participant.Agency.PutValid(round, p.InstitutionId, Ids.New("ds"), SurveyRecords.Valid().With("license", "unknown"));
        return (participant, silent, [first, second]);
    }

    private async Task<HttpResponseMessage> Get(string round, string report, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, Reports, round, report));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await gateway.Rounds.Client.SendAsync(request);
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    [Fact]
    public async Task The_institution_report_matches_the_round_worked_by_hand()
    {
        var (p, silent, written) = await SmallRound();

        using var response = await Get(p.RoundId, "institutions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadJson()).GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("institutionId").GetString()!);
        var mine = items[p.InstitutionId];
        var expectedNow = Math.Round(written.Average(w => w.GetProperty("score").GetProperty("now").GetDecimal()), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(2, mine.GetProperty("datasets").GetInt64());
        Assert.Equal(1, mine.GetProperty("eligible").GetInt64()); // the second fails G2 (licence unknown)
        Assert.Equal(expectedNow, mine.GetProperty("meanNow").GetDecimal());
        Assert.Equal("responding", mine.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("selected").ValueKind);
        Assert.Equal(0, items[silent].GetProperty("datasets").GetInt64());
        Assert.Equal("invited", items[silent].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_sector_report_lists_all_sixteen_sectors_and_counts_records_by_their_sector()
    {
        var (p, _, written) = await SmallRound();

        using var response = await Get(p.RoundId, "sectors");

        var items = (await response.ReadJson()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(16, items.Count);
        var sector = written[0].GetProperty("record").GetProperty("sector").GetString();
        Assert.Equal(2, items.Single(i => i.GetProperty("sector").GetString() == sector).GetProperty("datasets").GetInt64());
        Assert.Equal(2, items.Sum(i => i.GetProperty("datasets").GetInt64()));
    }

    [Fact]
    public async Task The_institution_report_as_CSV_parses_with_a_standard_reader_and_agrees_with_the_JSON()
    {
        var (p, _, _) = await SmallRound();

        using var csv = await Get(p.RoundId, "institutions", "text/csv");
        using var json = await Get(p.RoundId, "institutions");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await csv.Content.ReadAsStringAsync());
        var header = rows[0];
        var mine = rows.Single(r => r[0] == p.InstitutionId);
        var fromJson = (await json.ReadJson()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("institutionId").GetString() == p.InstitutionId);
        Assert.Equal(rows.Count - 1, (await json.ReadJson()).GetProperty("items").GetArrayLength());
        Assert.Equal(fromJson.GetProperty("name").GetString(), mine[Array.IndexOf(header, "name")]);
        Assert.Equal("2", mine[Array.IndexOf(header, "datasets")]);
        Assert.Equal(fromJson.GetProperty("meanPost").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture), mine[Array.IndexOf(header, "meanPost")]);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
    }

    [Fact]
    public async Task The_sector_report_as_CSV_has_a_header_and_one_row_per_sector()
    {
        var (p, _, _) = await SmallRound();

        using var csv = await Get(p.RoundId, "sectors", "text/csv");

        var rows = ParseCsv(await csv.Content.ReadAsStringAsync());
        Assert.Equal("sector", rows[0][0]);
        Assert.Equal(17, rows.Count);
    }

    [Fact]
    public async Task The_institution_report_as_xlsx_has_the_CSV_header_and_rows_with_numbers_as_numbers()
    {
        var (p, _, _) = await SmallRound();

        using var csv = await Get(p.RoundId, "institutions", "text/csv");
        using var xlsx = await Get(p.RoundId, "institutions", TableWorkbook.MediaType);

        Assert.Equal(TableWorkbook.MediaType, xlsx.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await csv.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var sheetRows = sheet.Descendants<Row>().ToList();
        Assert.Equal(rows.Count, sheetRows.Count);
        Assert.Equal(rows[0], sheetRows[0].Elements<Cell>().Select(c => c.InnerText).ToArray());
        var header = rows[0];
        var mine = sheetRows.Single(r => r.Elements<Cell>().First().InnerText == p.InstitutionId).Elements<Cell>().ToList();
        var datasets = mine.Single(c => c.CellReference!.Value!.StartsWith(CellReference.Column(Array.IndexOf(header, "datasets")), StringComparison.Ordinal)
            && char.IsDigit(c.CellReference.Value[CellReference.Column(Array.IndexOf(header, "datasets")).Length]));
        Assert.Equal(CellValues.Number, datasets.DataType!.Value);
        Assert.Equal("2", datasets.InnerText);
    }

    [Fact]
    public async Task Reports_are_for_admins_only()
    {
        var (p, _, _) = await SmallRound();
        using var anonymous = gateway.Anonymous();

        using var asAgency = await p.Agency.Client.GetAsync($"/api/v1/rounds/{p.RoundId}/reports/institutions");
        using var noKey = await anonymous.GetAsync($"/api/v1/rounds/{p.RoundId}/reports/sectors");

        await asAgency.AssertProblem(HttpStatusCode.Forbidden);
        await noKey.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_report_of_an_unknown_round_is_404_and_a_bad_id_is_400()
    {
        using var unknown = await Get(Ids.New("nope"), "institutions");
        using var bad = await Get("Bad_Id", "sectors");

        await unknown.AssertProblem(HttpStatusCode.NotFound);
        await bad.AssertFieldErrors("id");
    }
}
