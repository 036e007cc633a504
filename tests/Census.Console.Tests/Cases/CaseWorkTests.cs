using System.Text.RegularExpressions;
using Census.Console.Tests.Infrastructure;
using Census.Contracts.Surveys;
using Census.Testing;

namespace Census.Console.Tests.Cases;

/// <summary>Processing cases in the console (issue 13): the processor works the tasks, the admin decides the tier, a reviewer votes.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CaseWorkTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private CaseArrange Cases => new(Server);

    [Fact]
    public async Task An_agency_works_a_case_to_done_and_the_admin_decides_its_tier()
    {
        var (round, institution) = await Cases.FinalizedRoundAsync("ds-case", SurveyRecords.Perfect());
        var (_, key) = await Arrange.KeyAsync(institution);
        var casePath = CaseArrange.CasePath(round, institution, "ds-case");
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.Locator($"#case-rounds a[data-round='{round}']").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"처리 현황: {round}");
            var row = page.Locator("#cases tr[data-dataset='ds-case']");
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("처리 중");
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("0 / 1");
            await Screenshots.SaveAsync(page, "case-list");
            await row.GetByRole(AriaRole.Link).ClickAsync();

            var task = page.Locator("#tasks tr[data-step='quality-verification']");
            await Assertions.Expect(task.Locator(".task-state")).ToHaveTextAsync("할 일");
            await page.Locator("#state-quality-verification").SelectOptionAsync("in-progress");
            await page.Locator("#move-quality-verification").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
            await Assertions.Expect(task.Locator(".task-state")).ToHaveTextAsync("진행 중");

            await page.Locator("#documentTask").SelectOptionAsync("quality-verification");
            await page.Locator("#documentNote").FillAsync("표본 1,000건 검수 결과 오류율 0.1%");
            await page.Locator("#add-document").ClickAsync();
            await Assertions.Expect(page.Locator("#evidence tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#evidence")).ToContainTextAsync("표본 1,000건 검수 결과 오류율 0.1%");
            await Screenshots.SaveAsync(page, "case-agency-work");

            await page.Locator("#state-quality-verification").SelectOptionAsync("done");
            await page.Locator("#move-quality-verification").ClickAsync();
            await Assertions.Expect(task.Locator(".task-state")).ToHaveTextAsync("완료");
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("처리 중");
            await AssertAccessibleAsync(page);
            Assert.Equal("done", (await Arrange.GetAsync(casePath + "/")).GetProperty("tasks")[0].GetProperty("state").GetString());
        });

        await Cases.DeliverAsync(casePath, SurveyRecords.Perfect());
        await StepsAsync(page, async () =>
        {
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#submit-hint")).ToContainTextAsync("등급 결정");
            await page.Locator("#submit-case").ClickAsync();
            await Assertions.Expect(page.Locator("#case-status")).ToHaveTextAsync("등급 결정 대기");
            await Assertions.Expect(page.Locator("#submit-case")).ToHaveCountAsync(0);
        });

        var admin = await AdminPageAsync();
        await StepsAsync(admin, async () =>
        {
            await admin.GotoAsync($"/console/admin/rounds/{round}");
            await admin.Locator("#round-cases").ClickAsync();
            await admin.Locator("#cases tr[data-dataset='ds-case']").GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(admin.Locator("#case-status")).ToHaveTextAsync("등급 결정 대기");
            var ruled = await admin.Locator("#ruled-tier").InnerTextAsync();
            await admin.Locator("#decide-tier").ClickAsync();
            await Assertions.Expect(admin.Locator("#case-status")).ToHaveTextAsync("등급 결정됨");
            await Assertions.Expect(admin.Locator("#case-tier")).ToHaveTextAsync(ruled);
            await AssertAccessibleAsync(admin);
            await Screenshots.SaveAsync(admin, "case-tier-decided");
            Assert.Equal("tier-decided", (await Arrange.GetAsync(casePath + "/")).GetProperty("status").GetString());
        });
    }

    [Fact]
    public async Task A_required_note_left_empty_is_shown_in_Korean_next_to_the_field()
    {
        var (round, institution) = await Cases.FinalizedRoundAsync("ds-note", SurveyRecords.Perfect());
        var (_, key) = await Arrange.KeyAsync(institution);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/rounds/{round}/institutions/{institution}/datasets/ds-note/case");
            await page.Locator("#add-document").ClickAsync();
            await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#documentNote")).ToHaveAttributeAsync("aria-invalid", "true");
            var error = page.Locator("#error-note");
            await Assertions.Expect(error).ToBeVisibleAsync();
            Assert.Matches(new Regex("\\p{IsHangulSyllables}"), await error.InnerTextAsync());
            await Assertions.Expect(page.Locator("#no-evidence")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task An_equivalence_class_table_uploaded_in_the_browser_shows_its_figures_and_checks()
    {
        var record = SurveyRecords.Perfect() with
        {
            PersonalData = SurveyRecords.Perfect().PersonalData! with { Status = PersonalDataStatus.Pseudonymized, DeidentificationPlanned = true },
        };
        var (round, institution) = await Cases.FinalizedRoundAsync("ds-table", record);
        var (_, key) = await Arrange.KeyAsync(institution);
        var table = "count,qi:age,qi:region\n12,30-39,서울\n15,40-49,부산\n"u8.ToArray();
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/rounds/{round}/institutions/{institution}/datasets/ds-table/case");
            await page.Locator("#table").SetInputFilesAsync(new FilePayload { Name = "classes.csv", MimeType = "text/csv", Buffer = table });
            await page.Locator("#upload-table").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
            var evidence = page.Locator("#evidence tbody tr").First;
            await Assertions.Expect(evidence).ToContainTextAsync("동질 집합 표");
            await Assertions.Expect(evidence).ToContainTextAsync("classes.csv");
            var figures = page.Locator("#figures-e1");
            await Assertions.Expect(figures.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "k-익명성 (k)" }) }).Locator("td")).ToHaveTextAsync("12");
            await Assertions.Expect(figures.Locator("tr", new() { Has = page.Locator("th", new() { HasText = "레코드 수" }) }).Locator("td")).ToHaveTextAsync("27");
            await Assertions.Expect(page.Locator("#checks-e1 tbody tr").First).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "case-table-figures");
        });
    }

    [Fact]
    public async Task A_reviewer_signs_in_with_a_principal_key_sees_the_queue_and_votes()
    {
        var record = SurveyRecords.Perfect() with
        {
            PersonalData = SurveyRecords.Perfect().PersonalData! with { Status = PersonalDataStatus.Pseudonymized, DeidentificationPlanned = true },
        };
        var (round, institution) = await Cases.FinalizedRoundAsync("ds-review", record);
        var casePath = CaseArrange.CasePath(round, institution, "ds-review");
        var first = Arrange.NewId("rev");
        var second = Arrange.NewId("rev");
        var key = await Cases.ReviewerAsync(first);
        await Cases.ReviewerAsync(second);
        await Cases.CompleteTasksAsync(casePath);
        await Cases.DeliverAsync(casePath, record);
        await Cases.SendAsync(HttpMethod.Put, casePath + "/reviewers", new JsonObject { ["reviewers"] = new JsonArray(first, second) });
        await Cases.SendAsync(HttpMethod.Post, casePath + "/submit");

        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/console/reviews$"));
            var row = page.Locator("#reviews tr[data-dataset='ds-review']");
            await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync("투표 대기");
            await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("적정성 검토 중");
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "reviewer-queue");

            await row.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByLabel("승인").CheckAsync();
            await page.Locator("#voteReason").FillAsync("가명처리 증빙과 위험 지표가 기준을 충족합니다.");
            await page.Locator("#cast-vote").ClickAsync();
            var vote = page.Locator("#votes-1 tbody tr");
            await Assertions.Expect(vote).ToHaveCountAsync(1);
            await Assertions.Expect(vote.Locator("th")).ToHaveTextAsync(first);
            await Assertions.Expect(vote.Locator("td").First).ToHaveTextAsync("승인");
            await Assertions.Expect(vote).ToContainTextAsync("가명처리 증빙과 위험 지표가 기준을 충족합니다.");
            await Assertions.Expect(page.Locator("#cast-vote")).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "case-reviewer-vote");
        });
    }
}
