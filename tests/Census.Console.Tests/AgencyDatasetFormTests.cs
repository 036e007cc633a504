using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The dataset form: validation in Korean, score preview, save with If-Match, conflicts, escaping (console.md "Agency").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AgencyDatasetFormTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_required_field_left_empty_shows_the_Korean_message_next_to_it_and_nothing_is_saved()
    {
        var (institution, round, page) = await AgencyAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/new");
            await AssertAccessibleAsync(page);
            await AgencyForms.FillAsync(page, "ds-untitled", SurveyRecords.Valid() with { Title = "" });
            await page.Locator("#save").ClickAsync();

            await Assertions.Expect(page.Locator("#f-title-error")).ToHaveTextAsync("필수 항목입니다.");
            await Assertions.Expect(page.Locator("#f-title")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("데이터셋명");
            await Assertions.Expect(page.Locator("#f-description")).ToHaveValueAsync(SurveyRecords.Valid().Description!);
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(round, institution, "ds-untitled"));
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task The_preview_shows_each_criterion_with_its_reason_and_saves_nothing_then_save_creates_revision_1()
    {
        var (institution, round, page) = await AgencyAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/new");
            await AgencyForms.FillAsync(page, "ds-air", SurveyRecords.Valid());
            await page.Locator("#preview").ClickAsync();

            var preview = page.Locator("#preview-score");
            await Assertions.Expect(preview.Locator("tbody tr")).ToHaveCountAsync(10);
            await Assertions.Expect(preview.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("C1");
            await Assertions.Expect(preview.Locator("tbody tr").First.Locator("td").Last).ToContainTextAsync("open format");
            await Assertions.Expect(preview.Locator(".score-summary")).ToContainTextAsync("현재");
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(round, institution, "ds-air"));
            await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync(SurveyRecords.Valid().Title!);
            await AssertAccessibleAsync(page);

            await page.Locator("#save").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("저장했습니다. 개정 1.");
            await Assertions.Expect(page.Locator("#saved-score tbody tr")).ToHaveCountAsync(10);
            var saved = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets/ds-air");
            Assert.Equal(1, saved.GetProperty("revision").GetInt32());
            Assert.Equal(SurveyRecords.Valid().Title, saved.GetProperty("record").GetProperty("title").GetString());
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task A_conflict_shows_both_versions_and_overwriting_saves_mine()
    {
        var (institution, round, page) = await AgencyAsync();
        await Arrange.RecordAsync(round, institution, "ds-conflict", SurveyRecords.Valid() with { Title = "처음 제목" });
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/ds-conflict");
            await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync("처음 제목");
            await Arrange.RecordAsync(round, institution, "ds-conflict", SurveyRecords.Valid() with { Title = "API가 고친 제목" });

            await page.Locator("#f-title").FillAsync("내가 고친 제목");
            await page.Locator("#save").ClickAsync();
            var conflict = page.Locator("#conflict");
            await Assertions.Expect(conflict).ToBeVisibleAsync();
            var title = conflict.Locator("tr[data-key='title']");
            await Assertions.Expect(title).ToHaveClassAsync("differs");
            await Assertions.Expect(title.Locator("td").First).ToHaveTextAsync("API가 고친 제목");
            await Assertions.Expect(title.Locator("td").Last).ToHaveTextAsync("내가 고친 제목");
            await Assertions.Expect(conflict.Locator("tr.differs")).ToHaveCountAsync(1);
            await AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "내 버전으로 덮어쓰기" }).ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("저장했습니다. 개정 3.");
            var saved = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets/ds-conflict");
            Assert.Equal("내가 고친 제목", saved.GetProperty("record").GetProperty("title").GetString());
        });
    }

    [Fact]
    public async Task A_script_in_a_title_renders_as_text()
    {
        const string title = "<script>alert(1)</script>";
        var (institution, round, page) = await AgencyAsync();
        await Arrange.RecordAsync(round, institution, "ds-script", SurveyRecords.Valid() with { Title = title, License = Contracts.Surveys.License.Unknown });
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/agency");
            await Assertions.Expect(page.Locator(".missing")).ToContainTextAsync(title);
            await page.GotoAsync($"/console/agency/rounds/{round}");
            await Assertions.Expect(page.Locator("#datasets tbody td").First).ToHaveTextAsync(title);
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/ds-script");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"데이터셋: {title}");
            await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync(title);
            Assert.Empty(dialogs);
        });
    }

    [Fact]
    public async Task Withdrawing_asks_for_confirmation_then_removes_the_record()
    {
        var (institution, round, page) = await AgencyAsync();
        await Arrange.RecordAsync(round, institution, "ds-gone", SurveyRecords.Valid());
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/ds-gone");
            await page.GetByRole(AriaRole.Button, new() { Name = "데이터셋 철회" }).ClickAsync();
            await Assertions.Expect(page.Locator("#withdraw-question")).ToBeVisibleAsync();
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(round, institution, "ds-gone"));
            await page.GetByRole(AriaRole.Button, new() { Name = "예, 철회합니다" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/console/agency/rounds/{round}?withdrawn=ds-gone", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("#withdrawn")).ToContainTextAsync("데이터셋을 철회했습니다.");
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(round, institution, "ds-gone"));
        });
    }

    [Fact]
    public async Task The_dataset_form_is_filled_and_saved_with_the_keyboard_only()
    {
        var (institution, round, page) = await AgencyAsync();
        var record = SurveyRecords.Valid() with
        {
            Coverage = null,
            Maintenance = SurveyRecords.Valid().Maintenance! with { LastUpdated = null },
        };
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/new");
            await AgencyKeyboard.FillAsync(page, "ds-keys", record);
            await AgencyKeyboard.TabToAsync(page, "save");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("저장했습니다. 개정 1.");
            var saved = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets/ds-keys");
            Assert.Equal(record.Title, saved.GetProperty("record").GetProperty("title").GetString());
            Assert.Equal("time-series", saved.GetProperty("record").GetProperty("modality").GetString());
            Assert.Equal(2, saved.GetProperty("record").GetProperty("processingPlan").GetArrayLength());
        });
    }

    private async Task<(string Institution, string Round, IPage Page)> AgencyAsync()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var round = await Arrange.RoundAsync([institution]);
        var page = await NewPageAsync();
        await SignInAsync(page, key);
        return (institution, round, page);
    }

    private async Task<HttpStatusCode> StatusAsync(string round, string institution, string datasetId)
    {
        using var response = await Server.Api.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets/{datasetId}");
        return response.StatusCode;
    }
}
