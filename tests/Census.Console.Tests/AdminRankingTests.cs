using System.Net.Http.Json;
using Census.Console.Tests.Infrastructure;
using Census.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Console.Tests;

/// <summary>Ranking runs and reports of a small closed round (console.md "Admin").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminRankingTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private async Task<(string Round, string Best, string Other)> ClosedRoundAsync()
    {
        var best = await Arrange.InstitutionAsync(name: "최고 기관", sector: "environment-weather");
        var other = await Arrange.InstitutionAsync(name: "다른 기관", sector: "education");
        var round = await Arrange.RoundAsync([best, other], quota: 5);
        await Arrange.RecordAsync(round, best, "ds-best", SurveyRecords.Perfect());
        await Arrange.RecordAsync(round, other, "ds-valid", SurveyRecords.Valid());
        using var closed = await Server.Api.PostAsync($"/api/v1/rounds/{round}/close", null);
        closed.EnsureSuccessStatusCode();
        return (round, best, other);
    }

    [Fact]
    public async Task A_ranking_run_completes_explains_a_record_and_finalizes_the_round()
    {
        var (round, best, _) = await ClosedRoundAsync();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/rounds/{round}");
            await page.GetByRole(AriaRole.Button, new() { Name = "순위 실행 시작" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/console/admin/rounds/{round}/rankings/"));
            // The page refreshes itself every 2 s while the run is running.
            await Assertions.Expect(page.Locator("#run-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("meta[http-equiv=refresh]")).ToHaveCountAsync(0);
            var first = page.Locator("#selection tbody tr").First;
            Assert.Equal("1", await first.Locator("td").First.InnerTextAsync());
            await Assertions.Expect(first).ToContainTextAsync(best);
            await Assertions.Expect(page.Locator("#selected-total")).ToHaveTextAsync("2");
            await Assertions.Expect(page.Locator("#sector-counts")).ToContainTextAsync("선정 한도 5");
            await AssertAccessibleAsync(page);

            await page.Locator("#explainInstitution").FillAsync(best);
            await page.Locator("#explainDataset").FillAsync("ds-best");
            await page.GetByRole(AriaRole.Button, new() { Name = "설명 보기" }).ClickAsync();
            await Assertions.Expect(page.Locator("#explain-why")).ToHaveTextAsync("선정됨");
            await Screenshots.SaveAsync(page, "admin-ranking-run");

            await page.GetByRole(AriaRole.Button, new() { Name = "이 결과로 선정 확정" }).ClickAsync();
            await Assertions.Expect(page.Locator("#run-message")).ToHaveTextAsync("선정을 확정했습니다.");
            Assert.Equal("finalized", (await Arrange.GetAsync($"/api/v1/rounds/{round}")).GetProperty("state").GetString());
        });
    }

    [Fact]
    public async Task Finalizing_with_a_run_started_before_the_close_shows_the_refusal()
    {
        var best = await Arrange.InstitutionAsync();
        var round = await Arrange.RoundAsync([best]);
        await Arrange.RecordAsync(round, best, "ds-early", SurveyRecords.Valid());
        using var started = await Server.Api.PostAsync($"/api/v1/rounds/{round}/rankings", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        using var closed = await Server.Api.PostAsync($"/api/v1/rounds/{round}/close", null);
        closed.EnsureSuccessStatusCode();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/rounds/{round}/rankings/{runId}");
            await Assertions.Expect(page.Locator("#run-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "이 결과로 선정 확정" }).ClickAsync(),
                r => r.Request.Method == "POST");
            Assert.Equal(409, response.Status);
            await Assertions.Expect(page.Locator("#run-message")).ToContainTextAsync("확정할 수 없습니다");
            Assert.Equal("closed", (await Arrange.GetAsync($"/api/v1/rounds/{round}")).GetProperty("state").GetString());
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task Explaining_an_unknown_record_says_so_in_Korean()
    {
        var (round, best, _) = await ClosedRoundAsync();
        using var started = await Server.Api.PostAsync($"/api/v1/rounds/{round}/rankings", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/rounds/{round}/rankings/{runId}");
            await Assertions.Expect(page.Locator("#run-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
            await page.Locator("#explainInstitution").FillAsync(best);
            await page.Locator("#explainDataset").FillAsync("ds-none");
            await page.GetByRole(AriaRole.Button, new() { Name = "설명 보기" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("이 실행에 해당 기관·데이터셋의 기록이 없습니다.");
        });
    }

    [Fact]
    public async Task Reports_show_tables_and_charts_and_download_as_CSV_and_xlsx()
    {
        var (round, best, other) = await ClosedRoundAsync();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/rounds/{round}/reports");
            var sectors = page.Locator("#sector-report");
            var weather = sectors.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "환경기상" }) });
            var fromApi = (await Arrange.GetAsync($"/api/v1/rounds/{round}/reports/sectors")).GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("sector").GetString() == "environment-weather");
            Assert.Equal(2, fromApi.GetProperty("datasets").GetInt64()); // both records say their own sector is weather
            var cells = await weather.Locator("td").AllInnerTextsAsync();
            Assert.Equal(fromApi.GetProperty("institutions").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
            Assert.Equal("2", cells[1]);
            var institutions = page.Locator("#institution-report");
            await Assertions.Expect(institutions.Locator("tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(institutions).ToContainTextAsync("최고 기관");
            await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(2);
            // Only the sector that reported is drawn: datasets 2, eligible 2, as in its table row.
            Assert.Equal(["2", "2"], (await page.Locator("svg[role=img]").First.Locator("text").AllTextContentsAsync()).Where(t => t.All(char.IsDigit)).ToArray());
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "admin-round-reports");

            var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-institutions-csv").ClickAsync());
            Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
            var lines = File.ReadAllLines(await csv.PathAsync());
            Assert.StartsWith("institutionId,name,sector,invited,status,datasets,", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith(best + ",", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith(other + ",", StringComparison.Ordinal));

            var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-sectors-xlsx").ClickAsync());
            Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
            using var document = SpreadsheetDocument.Open(await xlsx.PathAsync(), false);
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal("sector", rows[0].Elements<Cell>().First().InnerText);
            Assert.Equal(17, rows.Count); // the header and the sixteen sectors, as the API's CSV
        });
    }
}
