using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The admin's round pages: create, open, close and the progress dashboard (console.md "Admin").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminRoundTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_round_created_with_quota_weights_and_a_Korea_time_deadline_opens_and_closes()
    {
        var institution = await Arrange.InstitutionAsync();
        var id = Arrange.NewId("rnd");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/rounds/new");
            Assert.Equal("15", await page.Locator("#c1").InputValueAsync()); // rubric v1's defaults are filled in
            await AssertAccessibleAsync(page);
            await page.Locator("#id").FillAsync(id);
            await page.Locator("#title").FillAsync("2027 실태조사");
            await page.Locator("#deadline").FillAsync("2027-03-31T18:00");
            await page.Locator("#quota").FillAsync("7");
            await page.Locator("#maxPerInstitution").FillAsync("3");
            await page.Locator("#min-education").FillAsync("1");
            await page.Locator("#max-education").FillAsync("4");
            await page.Locator("#c1").FillAsync("20");
            await page.Locator("#c9").FillAsync("0");
            await page.Locator("#invite-list").CheckAsync();
            await page.Locator("#institutions").FillAsync(institution);
            await page.GetByRole(AriaRole.Button, new() { Name = "회차 만들기" }).ClickAsync();

            await Assertions.Expect(page.Locator("#round-state")).ToHaveTextAsync("초안");
            var round = await Arrange.GetAsync($"/api/v1/rounds/{id}");
            Assert.Equal(new DateTimeOffset(2027, 3, 31, 9, 0, 0, TimeSpan.Zero), round.GetProperty("deadline").GetDateTimeOffset());
            Assert.Equal(7, round.GetProperty("selection").GetProperty("quota").GetInt32());
            Assert.Equal(3, round.GetProperty("selection").GetProperty("maxPerInstitution").GetInt32());
            Assert.Equal(1, round.GetProperty("selection").GetProperty("sectorMin").GetProperty("education").GetInt32());
            Assert.Equal(4, round.GetProperty("selection").GetProperty("sectorMax").GetProperty("education").GetInt32());
            Assert.Equal(20, round.GetProperty("rubric").GetProperty("weights").GetProperty("c1").GetInt32());
            Assert.Equal(institution, round.GetProperty("institutions")[0].GetString());
            await Assertions.Expect(page.GetByText("2027-03-31 18:00 KST")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "회차 시작" }).ClickAsync();
            await Assertions.Expect(page.Locator("#round-state")).ToHaveTextAsync("진행 중");
            await page.GetByRole(AriaRole.Button, new() { Name = "회차 마감" }).ClickAsync();
            await Assertions.Expect(page.Locator("#round-state")).ToHaveTextAsync("마감");
            Assert.Equal("closed", (await Arrange.GetAsync($"/api/v1/rounds/{id}")).GetProperty("state").GetString());
        });
    }

    [Fact]
    public async Task Weights_that_do_not_sum_to_100_are_shown_in_Korean_and_no_round_is_created()
    {
        var id = Arrange.NewId("rnd");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/rounds/new");
            await page.Locator("#id").FillAsync(id);
            await page.Locator("#title").FillAsync("가중치 오류");
            await page.Locator("#deadline").FillAsync("2027-03-31T18:00");
            await page.Locator("#c2").FillAsync("30");
            await page.GetByRole(AriaRole.Button, new() { Name = "회차 만들기" }).ClickAsync();

            await Assertions.Expect(page.Locator("#error-weights")).ToHaveTextAsync("합이 100이어야 합니다 (지금 120).");
            await Assertions.Expect(page.Locator("#error-selection-quota")).ToHaveTextAsync("필수 항목입니다.");
            await Assertions.Expect(page.Locator("#quota")).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal("30", await page.Locator("#c2").InputValueAsync());
            using var response = await Server.Api.GetAsync($"/api/v1/rounds/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task The_dashboard_chart_and_table_count_invited_responding_and_submitted_by_sector()
    {
        var responding = await Arrange.InstitutionAsync(sector: "environment-weather");
        var submitted = await Arrange.InstitutionAsync(sector: "environment-weather");
        var silent = await Arrange.InstitutionAsync(sector: "education");
        var round = await Arrange.RoundAsync([responding, submitted, silent]);
        await Arrange.RecordAsync(round, responding, "ds-one", SurveyRecords.Valid());
        await Arrange.RecordAsync(round, submitted, "ds-two", SurveyRecords.Valid());
        using (var submit = await Server.Api.PostAsync($"/api/v1/rounds/{round}/institutions/{submitted}/submit", null))
        {
            submit.EnsureSuccessStatusCode();
        }

        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/rounds/{round}");
            var table = page.Locator("#progress-table");
            await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
            Assert.Equal(["2", "1", "1"], await table.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "환경기상" }) }).Locator("td").AllInnerTextsAsync());
            Assert.Equal(["1", "0", "0"], await table.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "교육" }) }).Locator("td").AllInnerTextsAsync());
            var chart = page.Locator("svg[role=img]").First;
            Assert.Contains("분야별", await chart.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
            Assert.Equal(6, await chart.Locator("rect").CountAsync()); // two sectors (in the census's sector order), three bars each
            Assert.Equal(["1", "0", "0", "2", "1", "1"], (await chart.Locator("text").AllTextContentsAsync()).Where(t => t.All(char.IsDigit)).ToArray());
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "admin-round-dashboard");
        });
    }
}
