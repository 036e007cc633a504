using System.Net.Http.Json;
using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests;

/// <summary>The admin's home page: rounds by state, institutions counted (console.md "Admin").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminHomeTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    /// <summary>
    /// A round whose id sorts before every other test's ("0-…"; the registry lists rounds by id), so it is on the first
    /// page however many rounds the shared server holds.
    /// </summary>
    private async Task<string> FirstListedRoundAsync(string institution, bool open)
    {
        var id = "0-" + Guid.NewGuid().ToString("N")[..12];
        using var created = await Server.Api.PostAsJsonAsync("/api/v1/rounds", new
        {
            id,
            title = "첫 쪽 회차 " + id,
            deadline = DateTimeOffset.UtcNow.AddDays(30),
            selection = new { quota = 3 },
            institutions = new[] { institution },
        });
        created.EnsureSuccessStatusCode();
        if (open)
        {
            using var opened = await Server.Api.PostAsync($"/api/v1/rounds/{id}/open", null);
            opened.EnsureSuccessStatusCode();
        }

        return id;
    }

    [Fact]
    public async Task The_admin_home_lists_rounds_under_their_state_and_counts_institutions()
    {
        var institution = await Arrange.InstitutionAsync();
        var draft = await FirstListedRoundAsync(institution, open: false);
        var open = await FirstListedRoundAsync(institution, open: true);
        var total = (await Arrange.GetAsync("/api/v1/institutions?pageSize=1")).GetProperty("total").GetInt32();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin");
            await Assertions.Expect(page.Locator("#institution-count")).ToContainTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(page.Locator("ul[aria-labelledby=state-Draft] a[href$='/" + draft + "']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("ul[aria-labelledby=state-Open] a[href$='/" + open + "']")).ToHaveCountAsync(1);
            await AssertAccessibleAsync(page);
            await page.Locator("a[href$='/" + open + "']").ClickAsync();
            await Assertions.Expect(page.Locator("#round-state")).ToHaveTextAsync("진행 중");
        });
    }

    [Fact]
    public async Task The_rounds_list_shows_state_deadline_and_progress()
    {
        var institution = await Arrange.InstitutionAsync();
        var round = await FirstListedRoundAsync(institution, open: true);
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/rounds");
            var row = page.Locator("tbody tr", new() { Has = page.Locator($"a[href$='/{round}']") });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("진행 중");
            await Assertions.Expect(row).ToContainTextAsync("KST");
            await AssertAccessibleAsync(page);
        });
    }
}
