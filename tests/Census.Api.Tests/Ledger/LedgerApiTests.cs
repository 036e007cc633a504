using System.Globalization;
using Census.Exchange.Reports;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;

namespace Census.Api.Tests.Ledger;

/// <summary>Issue 14: the ledger's routes — entries, verify, usage, settlement statements — and who may call them.</summary>
[Collection(LedgerCollection.Name)]
public sealed class LedgerApiTests(GatewayFixture gateway)
{
    private static readonly DateTimeOffset March = new(2026, 3, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_agency_reads_its_datasets_entries_a_page_at_a_time()
    {
        var scene = await LedgerScene.Arrange(gateway);
        for (var i = 1; i <= 3; i++)
        {
            await scene.Ledger().Append(LedgerScene.Downloaded("d-" + i, "req-1", "org-1", "company", 10, March));
        }

        using var response = await scene.Agency.GetAsync($"{scene.Dataset}/ledger?page=2&pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJson();
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(3, entry.GetProperty("index").GetInt64());
        Assert.Equal("download-completed:d-3", entry.GetProperty("eventId").GetString());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task Verify_answers_ok_with_the_head_hash_for_an_untouched_ledger()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Downloaded("d-1", "req-1", "org-1", "company", 10, March));
        var head = await scene.Ledger().Append(LedgerScene.Downloaded("d-2", "req-1", "org-1", "company", 10, March));

        using var response = await scene.Admin.PostAsync($"{scene.Dataset}/ledger/verify", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = await response.ReadJson();
        Assert.True(verdict.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verdict.GetProperty("entries").GetInt64());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("firstBrokenIndex").ValueKind);
        Assert.Equal(head.Hash, verdict.GetProperty("headHash").GetString());
        Assert.True(verdict.TryGetProperty("verifiedAt", out _));
    }

    [Fact]
    public async Task A_row_edited_in_the_local_SQLite_file_behind_the_gateway_is_found_by_verify_at_its_index()
    {
        var scene = await LedgerScene.Arrange(gateway);
        for (var i = 1; i <= 5; i++)
        {
            await scene.Ledger().Append(LedgerScene.Downloaded("d-" + i, "req-1", "org-1", "company", 1000 * i, March));
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(gateway.Factory.DataDirectory, "census.db")}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE provision_ledger SET event = replace(event, '\"bytes\":\"3000\"', '\"bytes\":\"3\"') WHERE dataset_key = $key AND idx = 3";
            edit.Parameters.AddWithValue("$key", $"{scene.InstitutionId}/{LedgerScene.DatasetId}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        using var response = await scene.Agency.PostAsync($"{scene.Dataset}/ledger/verify", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = await response.ReadJson();
        Assert.False(verdict.GetProperty("ok").GetBoolean());
        Assert.Equal(3, verdict.GetProperty("firstBrokenIndex").GetInt64());
        Assert.Equal("hash mismatch", verdict.GetProperty("reason").GetString());
        Assert.Equal(5, verdict.GetProperty("entries").GetInt64());
    }

    [Fact]
    public async Task Usage_counts_the_appended_completed_downloads_by_month_and_requester_kind()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Downloaded("d-1", "req-1", "org-1", "university", 1000, March));
        await scene.Ledger().Append(LedgerScene.Downloaded("d-2", "req-2", "org-1", "university", 500, March.AddDays(1)));
        await scene.Ledger().Append(LedgerScene.Downloaded("d-3", "req-3", "org-2", "public-body", 20, March.AddMonths(1)));

        using var response = await scene.Agency.GetAsync($"{scene.Dataset}/usage?from=2026-03&to=2026-04");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var months = (await response.ReadJson()).GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-03", "2026-04"], months.Select(m => m.GetProperty("month").GetString()));
        var march = months[0].GetProperty("total");
        Assert.Equal([2L, 1500L, 2L, 1L], Figures(march));
        var university = months[0].GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("organisationKind").GetString() == "university");
        Assert.Equal([2L, 1500L, 2L, 1L], Figures(university.GetProperty("figures")));
        Assert.Equal([1L, 20L, 1L, 1L], Figures(months[1].GetProperty("total")));
    }

    [Fact]
    public async Task A_settlement_statement_in_JSON_totals_each_dataset_and_the_month()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Transaction("t-1", 15000, 2, March));
        await scene.Ledger("ds-other").Append(LedgerScene.Transaction("t-2", 5000, 1, March.AddDays(2)));
        await scene.Ledger().Append(LedgerScene.Transaction("t-3", 99, 1, March.AddMonths(1)));

        using var response = await scene.Agency.GetAsync($"{scene.Settlements}/2026-03");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = await response.ReadJson();
        Assert.Equal(35000, statement.GetProperty("totalKrw").GetInt64());
        Assert.Equal(2, statement.GetProperty("transactions").GetInt64());
        var datasets = statement.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(["ds-ledger", "ds-other"], datasets.Select(d => d.GetProperty("datasetId").GetString()));
        Assert.Equal([30000L, 5000L], datasets.Select(d => d.GetProperty("totalKrw").GetInt64()));
    }

    [Fact]
    public async Task A_settlement_statement_as_CSV_starts_with_a_BOM_and_lists_lines_then_totals()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Transaction("t-1", 15000, 2, March));
        await scene.Ledger().Append(LedgerScene.Transaction("t-2", 1000, 3, March.AddDays(1)));

        using var response = await scene.Agency.GetAsync($"{scene.Settlements}/2026-03?format=csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "row,datasetId,index,at,transaction,grant,requester,organisation,organisationKind,version,pricing,priceKrw,quantity,totalKrw,transactions",
            lines[0]);
        Assert.Equal("line,ds-ledger,1,2026-03-05T10:00:00.0000000Z,t-1,g-1,req-1,org-1,company,1.0,per-download,15000,2,30000,", lines[1]);
        Assert.Equal("dataset-total,ds-ledger,,,,,,,,,,,5,33000,2", lines[3]);
        Assert.Equal("total,,,,,,,,,,,,5,33000,2", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task A_settlement_statement_as_xlsx_has_the_CSV_columns_and_amounts_as_numbers()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Transaction("t-1", 15000, 2, March));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scene.Settlements}/2026-03");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(TableWorkbook.MediaType));

        using var response = await scene.Admin.SendAsync(request);

        Assert.Equal(TableWorkbook.MediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("row", rows[0].Elements<Cell>().First().InnerText);
        var total = rows[1].Elements<Cell>().Single(c => c.CellReference!.Value == "N2");
        Assert.Equal(CellValues.Number, total.DataType!.Value);
        Assert.Equal("30000", total.InnerText);
    }

    [Fact]
    public async Task Another_agency_and_a_requester_are_refused_every_ledger_route()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Transaction("t-1", 1, 1, March));
        string[] reads = [$"{scene.Dataset}/ledger", $"{scene.Dataset}/usage?from=2026-01&to=2026-02", $"{scene.Settlements}/2026-03"];

        foreach (var client in new[] { scene.OtherAgency, scene.Requester })
        {
            foreach (var path in reads)
            {
                using var read = await client.GetAsync(path);
                await read.AssertProblem(HttpStatusCode.Forbidden);
            }

            using var verify = await client.PostAsync($"{scene.Dataset}/ledger/verify", content: null);
            await verify.AssertProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Bad_months_a_reversed_range_and_a_bad_format_are_400_naming_the_field()
    {
        var scene = await LedgerScene.Arrange(gateway);
        await scene.Ledger().Append(LedgerScene.Transaction("t-1", 1, 1, March));

        using var badMonth = await scene.Agency.GetAsync($"{scene.Dataset}/usage?from=2026-13&to=2026-04");
        using var missing = await scene.Agency.GetAsync($"{scene.Dataset}/usage?from=2026-01");
        using var reversed = await scene.Agency.GetAsync($"{scene.Dataset}/usage?from=2026-05&to=2026-04");
        using var badSettlementMonth = await scene.Agency.GetAsync($"{scene.Settlements}/2026-3");
        using var badFormat = await scene.Agency.GetAsync($"{scene.Settlements}/2026-03?format=pdf");
        using var badPage = await scene.Agency.GetAsync($"{scene.Dataset}/ledger?pageSize=0");

        await badMonth.AssertFieldErrors("from");
        await missing.AssertFieldErrors("to");
        await reversed.AssertFieldErrors("from");
        await badSettlementMonth.AssertFieldErrors("month");
        await badFormat.AssertFieldErrors("format");
        await badPage.AssertFieldErrors("pageSize");
    }

    [Fact]
    public async Task A_dataset_without_ledger_or_release_and_an_unknown_institution_are_404()
    {
        var scene = await LedgerScene.Arrange(gateway);
        var unknown = Ids.New("nope");

        using var ledger = await scene.Agency.GetAsync($"/api/v1/institutions/{scene.InstitutionId}/datasets/ds-none/ledger");
        using var verify = await scene.Agency.PostAsync($"/api/v1/institutions/{scene.InstitutionId}/datasets/ds-none/ledger/verify", content: null);
        using var usage = await scene.Agency.GetAsync($"/api/v1/institutions/{scene.InstitutionId}/datasets/ds-none/usage?from=2026-01&to=2026-02");
        using var settlement = await scene.Admin.GetAsync($"/api/v1/institutions/{unknown}/settlements/2026-03");

        await ledger.AssertProblem(HttpStatusCode.NotFound);
        await verify.AssertProblem(HttpStatusCode.NotFound);
        await usage.AssertProblem(HttpStatusCode.NotFound);
        await settlement.AssertProblem(HttpStatusCode.NotFound);
    }

    private static long[] Figures(JsonElement figures) =>
    [
        figures.GetProperty("downloads").GetInt64(), figures.GetProperty("bytes").GetInt64(),
        figures.GetProperty("requesters").GetInt64(), figures.GetProperty("organisations").GetInt64(),
    ];
}
