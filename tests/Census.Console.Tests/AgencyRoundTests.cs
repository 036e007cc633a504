using Census.Console.Tests.Infrastructure;
using Census.Contracts.Surveys;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The datasets of a round: table, sorting, filters, paging, downloads and submitting (console.md "Agency").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AgencyRoundTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_datasets_table_sorts_filters_and_pages()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var round = await Arrange.RoundAsync([institution]);
        for (var i = 1; i <= 23; i++)
        {
            await Arrange.RecordAsync(round, institution, $"ds-{i:00}", SurveyRecords.Valid() with
            {
                Title = $"자료 {i:00}",
                Modality = i % 5 == 0 ? Modality.Image : Modality.TimeSeries,
            });
        }

        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/agency/rounds/{round}");
            var rows = page.Locator("#datasets tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(20);
            await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("자료 01");
            await Assertions.Expect(page.Locator("#page-of")).ToHaveTextAsync("1 / 2 쪽");
            await AssertAccessibleAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "다음" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(rows.Last.Locator("td").First).ToHaveTextAsync("자료 23");

            await page.GetByRole(AriaRole.Link, new() { Name = "제목 기준 정렬" }).ClickAsync();
            await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("자료 23");

            await page.Locator("#f-modality").SelectOptionAsync("image");
            await page.GetByRole(AriaRole.Button, new() { Name = "적용" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(4);
            await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("자료 20");
            Assert.Contains("modality=image", page.Url, StringComparison.Ordinal);
            Assert.Contains("dir=desc", page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Submitting_the_response_sets_the_status_to_submitted_and_the_records_download_as_csv()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var round = await Arrange.RoundAsync([institution]);
        await Arrange.RecordAsync(round, institution, "ds-air", SurveyRecords.Valid() with { Title = "대기질 자료" });

        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/agency/rounds/{round}");
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "CSV로 내려받기" }).ClickAsync());
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("ds-air", csv, StringComparison.Ordinal);
            Assert.Contains("대기질 자료", csv, StringComparison.Ordinal);

            await Assertions.Expect(page.Locator("#assignment-status")).ToHaveTextAsync("응답 중");
            await page.GetByRole(AriaRole.Button, new() { Name = "응답 제출" }).ClickAsync();
            await Assertions.Expect(page.Locator("#submit-result")).ToHaveTextAsync("응답을 제출했습니다.");
            await Assertions.Expect(page.Locator("#assignment-status")).ToHaveTextAsync("제출 완료");
            var assignment = await Arrange.GetAsync($"/api/v1/rounds/{round}/institutions/{institution}");
            Assert.Equal("submitted", assignment.GetProperty("status").GetString());
            await AssertAccessibleAsync(page);
        });
    }
}
