using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests;

/// <summary>Sign-in, sign-out and the session (console.md "Where it lives and how it talks").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_sign_in_page_is_Korean_and_accessible()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/");
            Assert.EndsWith("/console/sign-in?returnUrl=%2Fconsole", page.Url, StringComparison.Ordinal);
            Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal("로그인", await page.Locator("h1").InnerTextAsync());
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task An_admin_key_signs_in_and_the_browser_holds_only_an_HttpOnly_strict_session_cookie()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, Server.AdminKey);
            Assert.EndsWith("/console/admin", page.Url, StringComparison.Ordinal);
            var cookies = await page.Context.CookiesAsync();
            var session = Assert.Single(cookies, c => c.Name == "census.session");
            Assert.True(session.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
            Assert.Equal(-1, session.Expires); // a session cookie: gone with the browser, idle expiry on the server
            Assert.DoesNotContain(cookies, c => c.Value.Contains(Server.AdminKey, StringComparison.Ordinal));
            Assert.DoesNotContain(Server.AdminKey, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message_and_no_session()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/sign-in");
            await page.Locator("#apiKey").FillAsync("not-a-key-" + Guid.NewGuid());
            var response = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "로그인", Exact = true }).ClickAsync(),
                r => r.Url.Contains("/console/sign-in", StringComparison.Ordinal) && r.Request.Method == "POST");
            Assert.Equal(401, response.Status);
            Assert.Contains("올바르지 않거나", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "census.session");
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "로그아웃" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("로그인");
            await page.GotoAsync("/console/admin");
            Assert.Contains("/console/sign-in", page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_revoked_key_ends_its_session_on_the_next_request()
    {
        var institution = await Arrange.InstitutionAsync();
        var (keyId, key) = await Arrange.KeyAsync(institution);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            Assert.EndsWith("/console/agency", page.Url, StringComparison.Ordinal);
            await Arrange.RevokeAsync(institution, keyId);
            await page.GotoAsync("/console/agency");
            Assert.Contains("/console/sign-in", page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_agency_session_may_not_open_admin_pages()
    {
        var institution = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            var response = await page.GotoAsync("/console/admin");
            Assert.Contains("/console/forbidden", page.Url, StringComparison.Ordinal);
            Assert.Equal(403, response!.Status);
        });
    }

    [Fact]
    public async Task The_language_switch_shows_English_and_back()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            await page.GetByRole(AriaRole.Button, new() { Name = "한국어" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("로그인");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
        });
    }
}
