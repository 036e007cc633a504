using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>
/// issue 11 "Done when": a data officer downloads the template, fills it in a spreadsheet program, dry-runs it,
/// fixes what the errors name, imports it — and every record is then what PUTs of the same records make. All
/// through HTTP, with the files a spreadsheet program would save.
/// </summary>
[Collection(ImportsCollection.Name)]
public sealed class DataOfficerJourneyTests(GatewayFixture gateway)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // The two cells typed wrong (0-based inventory rows; their spreadsheet rows are 5 and 14).
    private const int WrongVolume = 3;
    private const int WrongModality = 12;

    [Fact]
    public async Task The_xlsx_template_filled_in_is_dry_run_fixed_where_the_errors_say_and_imported_as_PUTs_would_make_it()
    {
        var p = await gateway.NewParticipant();
        var inventory = DataOfficerInventory.Rows();
        var template = await Download(p, "/api/v1/templates/survey.xlsx");
        var filled = TemplateSheet.Edit(template, sheet =>
        {
            Fill(sheet, inventory);
            sheet.Text(SheetRow(WrongVolume), "volume.records", "약 5만 건");
            sheet.Text(SheetRow(WrongModality), "modality", "사진");
        });

        var (firstRun, firstLocation) = await Import(p, filled, Xlsx, "?dryRun=true");

        Assert.Equal(("completed", 20, 18, 2, 18), Counts(firstRun));
        Assert.Equal(
            [(5, DataOfficerInventory.DatasetId(WrongVolume), "record.volume.records"), (14, DataOfficerInventory.DatasetId(WrongModality), "record.modality")],
            await Errors(p, firstLocation));
        Assert.Equal(0, await Total(p));

        var fixedFile = TemplateSheet.Edit(filled, sheet =>
        {
            sheet.Number(SheetRow(WrongVolume), "volume.records", inventory[WrongVolume].Record["volume"]!["records"]!.ToJsonString());
            sheet.Text(SheetRow(WrongModality), "modality", inventory[WrongModality].Record["modality"]!.GetValue<string>());
        });
        var (secondRun, _) = await Import(p, fixedFile, Xlsx, "?dryRun=true");
        var (real, _) = await Import(p, fixedFile, Xlsx);

        Assert.Equal(("completed", 20, 20, 0, 20), Counts(secondRun));
        Assert.Equal(0, secondRun.GetProperty("updated").GetInt32());
        Assert.Equal(("completed", 20, 20, 0, 20), Counts(real));
        Assert.False(real.GetProperty("dryRun").GetBoolean());
        await AssertEqualToPuts(p, inventory);
    }

    [Fact]
    public async Task The_imported_records_exported_as_xlsx_import_again_as_unchanged_rows_with_no_new_revision()
    {
        var p = await gateway.NewParticipant();
        var inventory = DataOfficerInventory.Rows();
        var template = await Download(p, "/api/v1/templates/survey.xlsx");
        var (imported, _) = await Import(p, TemplateSheet.Edit(template, sheet => Fill(sheet, inventory)), Xlsx);
        Assert.Equal(("completed", 20, 20, 0, 20), Counts(imported));
        var before = await Snapshot(p, inventory);

        var exported = await Export(p);
        var (again, location) = await Import(p, exported, Xlsx);

        Assert.Equal(("completed", 20, 20, 0, 0), Counts(again));
        Assert.Equal((20, 0, 0), (again.GetProperty("unchanged").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("withdrawn").GetInt32()));
        Assert.Empty(await Errors(p, location));
        Assert.Equal(before, await Snapshot(p, inventory));
        Assert.All(before, r => Assert.Equal(1, r.Revision));
    }

    [Fact]
    public async Task A_CP949_CSV_imports_alike_without_a_charset_and_with_charset_cp949_into_records_PUTs_would_make()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp949 = Encoding.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var p = await gateway.NewParticipant();
        var inventory = DataOfficerInventory.Rows();
        var header = Encoding.UTF8.GetString(await Download(p, "/api/v1/templates/survey.csv")).TrimStart('\uFEFF').TrimEnd('\r', '\n');
        var file = cp949.GetBytes(InventoryCsv.Write(header, inventory.Select(r => (r.DatasetId, r.Record, (string?)null))));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(file));

        var (detected, _) = await Import(p, file, "text/csv", "?dryRun=true");
        var (named, _) = await Import(p, file, "text/csv; charset=cp949", "?dryRun=true");
        var (imported, _) = await Import(p, file, "text/csv");
        var before = await Snapshot(p, inventory);
        var (again, _) = await Import(p, file, "text/csv; charset=cp949");

        Assert.Equal(("completed", 20, 20, 0, 20), Counts(detected));
        Assert.Equal(Counts(detected), Counts(named));
        Assert.Equal(("completed", 20, 20, 0, 20), Counts(imported));
        Assert.Equal(("completed", 20, 20, 0, 0), Counts(again));
        Assert.Equal(20, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(before, await Snapshot(p, inventory));
        await AssertEqualToPuts(p, inventory);
    }

    [Fact]
    public async Task A_row_with_action_withdraw_withdraws_its_record_and_the_import_counts_it()
    {
        var p = await gateway.NewParticipant();
        var (kept, gone) = (DataOfficerInventory.DatasetId(0), DataOfficerInventory.DatasetId(1));
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, kept);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, gone);
        var template = await Download(p, "/api/v1/templates/survey.xlsx");
        var file = TemplateSheet.Edit(template, sheet =>
        {
            sheet.Record(2, kept, SurveyRecords.Valid());
            sheet.Text(3, "datasetId", gone);
            sheet.Text(3, "action", "withdraw");
        });

        var (dryRun, _) = await Import(p, file, Xlsx, "?dryRun=true");
        using (var stillThere = await p.Agency.Get(p.RoundId, p.InstitutionId, gone))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        var (real, _) = await Import(p, file, Xlsx);

        Assert.Equal((1, 1, 0), (dryRun.GetProperty("withdrawn").GetInt32(), dryRun.GetProperty("unchanged").GetInt32(), dryRun.GetProperty("invalid").GetInt32()));
        Assert.Equal((1, 1, 0), (real.GetProperty("withdrawn").GetInt32(), real.GetProperty("unchanged").GetInt32(), real.GetProperty("invalid").GetInt32()));
        Assert.Equal(2, real.GetProperty("rows").GetInt32());
        using var withdrawn = await p.Agency.Get(p.RoundId, p.InstitutionId, gone);
        await withdrawn.AssertProblem(HttpStatusCode.NotFound);
        var list = await SurveyRecordListTests.ReadList(p.Agency, p.RoundId, p.InstitutionId, "");
        Assert.Equal([kept], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("datasetId").GetString()!).ToArray());
    }

    /// <summary>The spreadsheet row of an inventory row: the header is row 1.</summary>
    private static int SheetRow(int index) => index + 2;

    /// <summary>
    /// Types the inventory under the template's header as its user would: mostly plain cells, but one date typed
    /// as a date (a serial), one yes typed as 예, and one licence picked by its Korean label from the drop-down.
    /// </summary>
    private static void Fill(TemplateSheet sheet, IReadOnlyList<(string DatasetId, JsonObject Record)> inventory)
    {
        for (var i = 0; i < inventory.Count; i++)
        {
            sheet.Record(SheetRow(i), inventory[i].DatasetId, inventory[i].Record);
        }

        Assert.Equal("2015-01-01", inventory[0].Record["coverage"]!["from"]!.GetValue<string>());
        sheet.Date(SheetRow(0), "coverage.from", new DateOnly(2015, 1, 1));
        Assert.True(inventory[1].Record["personalData"]!["riskAssessed"]!.GetValue<bool>());
        sheet.Text(SheetRow(1), "personalData.riskAssessed", "예");
        Assert.Equal("kogl-type1", inventory[2].Record["license"]!.GetValue<string>());
        sheet.Text(SheetRow(2), "license", "공공누리 제1유형");
    }

    private static async Task<byte[]> Download(Participant p, string path)
    {
        using var response = await p.Agency.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<byte[]> Export(Participant p)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SurveyRoutes.Datasets(p.RoundId, p.InstitutionId));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(Xlsx));
        using var response = await p.Agency.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Posts the file as <paramref name="contentType"/> and waits for the import to end; returns it and its location.</summary>
    private static async Task<(JsonElement Import, string Location)> Import(Participant p, byte[] file, string contentType, string query = "")
    {
        var imports = new ImportsRoutes(p.Agency.Client);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await imports.Post(p.RoundId, p.InstitutionId, content, query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {text}");
        var location = response.Headers.Location!.OriginalString;
        return (await imports.Ended(location), location);
    }

    /// <summary>Every error of an import as (row, datasetId, path), in row order.</summary>
    private static async Task<List<(int Row, string? DatasetId, string Path)>> Errors(Participant p, string location)
    {
        using var response = await new ImportsRoutes(p.Agency.Client).Errors(location, "?pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJson();
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.TryGetProperty("datasetId", out var id) ? id.GetString() : null, e.GetProperty("path").GetString()!))
            .OrderBy(e => e.Item1)];
    }

    private static async Task<int> Total(Participant p)
    {
        using var list = await p.Agency.List(p.RoundId, p.InstitutionId);
        return (await list.ReadJson()).GetProperty("total").GetInt32();
    }

    /// <summary>Each inventory record as stored: its revision, record JSON and score.</summary>
    private static async Task<List<(string DatasetId, int Revision, string Record, string Score)>> Snapshot(
        Participant p, IReadOnlyList<(string DatasetId, JsonObject Record)> inventory)
    {
        var stored = new List<(string, int, string, string)>();
        foreach (var (datasetId, _) in inventory)
        {
            var (body, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, datasetId);
            stored.Add((datasetId, body.GetProperty("revision").GetInt32(), body.GetProperty("record").GetRawText(), body.GetProperty("score").GetRawText()));
        }

        return stored;
    }

    /// <summary>
    /// PUTs every inventory record again under a twin dataset id in the same institution (so the same sector
    /// fallback and weights apply) and asserts the imported record reads back exactly as its twin: record and score.
    /// </summary>
    private static async Task AssertEqualToPuts(Participant p, IReadOnlyList<(string DatasetId, JsonObject Record)> inventory)
    {
        foreach (var (datasetId, record) in inventory)
        {
            var twin = "put-" + datasetId;
            await p.Agency.PutValid(p.RoundId, p.InstitutionId, twin, record);
            var (imported, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, datasetId);
            var (put, _) = await p.Agency.Read(p.RoundId, p.InstitutionId, twin);
            Assert.Equal(put.GetProperty("record").GetRawText(), imported.GetProperty("record").GetRawText());
            Assert.Equal(put.GetProperty("score").GetRawText(), imported.GetProperty("score").GetRawText());
            Assert.Equal(put.GetProperty("revision").GetInt32(), imported.GetProperty("revision").GetInt32());
        }
    }

    private static (string State, int Rows, int Valid, int Invalid, int Created) Counts(JsonElement import) => (
        import.GetProperty("state").GetString()!, import.GetProperty("rows").GetInt32(), import.GetProperty("valid").GetInt32(),
        import.GetProperty("invalid").GetInt32(), import.GetProperty("created").GetInt32());
}
