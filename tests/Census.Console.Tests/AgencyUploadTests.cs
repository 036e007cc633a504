using Census.Console.Tests.Infrastructure;
using Census.Contracts.Surveys;
using Census.Exchange.Template;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The spreadsheet upload: template, dry run with per-row errors, fix, commit (console.md "Agency").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AgencyUploadTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_filled_template_is_dry_run_with_its_row_errors_in_Korean_then_fixed_and_committed()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var round = await Arrange.RoundAsync([institution]);
        var folder = Directory.CreateTempSubdirectory("census-upload-test").FullName;
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/agency/rounds/{round}/upload");
            await AssertAccessibleAsync(page);
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "CSV 양식 내려받기" }).ClickAsync());
            var header = (await File.ReadAllLinesAsync((await download.PathAsync())!))[0];
            Assert.Contains("데이터셋명 (title)", header, StringComparison.Ordinal);

            var good = SurveyRecords.Valid() with { Title = "올린 자료 1" };
            var bad = SurveyRecords.Valid() with { Title = "올린 자료 2" };
            var badFile = Path.Combine(folder, "inventory.csv");
            await File.WriteAllTextAsync(badFile, TemplateCsv.Write(header, TemplateCsv.Row("up-1", good), TemplateCsv.Row("up-2", bad, modality: "bogus")));
            await page.Locator("#file").SetInputFilesAsync(badFile);
            await page.Locator("#dry-run").ClickAsync();

            await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#count-invalid")).ToHaveTextAsync("1");
            var error = page.Locator("#import-errors tbody tr");
            await Assertions.Expect(error).ToHaveCountAsync(1);
            await Assertions.Expect(error.Locator("td").Nth(0)).ToHaveTextAsync("3");
            await Assertions.Expect(error.Locator("td").Nth(2)).ToHaveTextAsync("데이터 유형");
            await Assertions.Expect(error.Locator("td").Nth(3)).ToContainTextAsync("다음 중 하나여야 합니다");
            await Assertions.Expect(page.Locator("#commit")).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page);

            await page.GotoAsync($"/console/agency/rounds/{round}/upload");
            var goodFile = Path.Combine(folder, "inventory-fixed.csv");
            await File.WriteAllTextAsync(goodFile, TemplateCsv.Write(header, TemplateCsv.Row("up-1", good), TemplateCsv.Row("up-2", bad)));
            await page.Locator("#file").SetInputFilesAsync(goodFile);
            await page.Locator("#dry-run").ClickAsync();
            await Assertions.Expect(page.Locator("#import-clean")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#import-kind")).ToHaveTextAsync("검증만");
            var list = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets");
            Assert.Equal(0, list.GetProperty("total").GetInt32());

            await page.Locator("#commit").ClickAsync();
            await Assertions.Expect(page.Locator("#import-kind")).ToHaveTextAsync("등록");
            await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#count-created")).ToHaveTextAsync("2");
            list = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}/datasets");
            Assert.Equal(2, list.GetProperty("total").GetInt32());

            await page.GotoAsync($"/console/agency/rounds/{round}/upload");
            await Assertions.Expect(page.Locator("#recent tbody tr")).ToHaveCountAsync(3);
        });
        Directory.Delete(folder, recursive: true);
    }
}
