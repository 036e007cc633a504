using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The audit of a response: who changed what, when (console.md "Agency").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AgencyAuditTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_audit_shows_a_change_made_in_the_form_and_the_submission()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var round = await Arrange.RoundAsync([institution]);
        await Arrange.RecordAsync(round, institution, "ds-audited", SurveyRecords.Valid() with { Title = "처음 제목" });
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await page.GotoAsync($"/console/agency/rounds/{round}/datasets/ds-audited");
            await page.Locator("#f-title").FillAsync("고친 제목");
            await page.Locator("#save").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToBeVisibleAsync();
            await page.GotoAsync($"/console/agency/rounds/{round}");
            await page.GetByRole(AriaRole.Button, new() { Name = "응답 제출" }).ClickAsync();
            await Assertions.Expect(page.Locator("#assignment-status")).ToHaveTextAsync("제출 완료");

            await page.GetByRole(AriaRole.Link, new() { Name = "변경 이력" }).ClickAsync();
            var record = page.Locator("#audit-records tr[data-dataset='ds-audited']");
            await Assertions.Expect(record.Locator("td").Nth(0)).ToHaveTextAsync("고친 제목");
            await Assertions.Expect(record.Locator("td").Nth(2)).ToHaveTextAsync("2");
            await Assertions.Expect(record.Locator("td").Nth(3)).ToContainTextAsync($"agency:{institution}");
            var entries = page.Locator("#audit-entries tbody tr");
            await Assertions.Expect(entries).ToHaveCountAsync(2);
            await Assertions.Expect(entries.First.Locator("td").Nth(1)).ToHaveTextAsync("제출 완료");
            await Assertions.Expect(entries.First.Locator("td").Nth(2)).ToContainTextAsync($"agency:{institution}");
            await AssertAccessibleAsync(page);
        });
    }
}
