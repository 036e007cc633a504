using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Census.Console.Tests.Infrastructure;

/// <summary>
/// The base of a page test: a fresh browser context per test (its own cookies), sign-in helpers, the axe scan, and a
/// screenshot kept under artifacts/console-screenshots/failures when a step fails.
/// </summary>
public abstract class ConsoleTest(ConsoleServer server, BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected ConsoleServer Server { get; } = server;

    protected BrowserFixture Browser { get; } = browser;

    protected Arrange Arrange => new(Server);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A browser context of its own (its own cookies) on <paramref name="baseUrl"/>, as a person in Korea sees it; closed
    /// when the test ends.
    /// </summary>
    protected async Task<IBrowserContext> NewContextAsync(string baseUrl)
    {
        var context = await Browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "ko-KR",
            TimezoneId = "Asia/Seoul",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return context;
    }

    /// <summary>A new page in a context of its own: no cookies shared with any other page of the test.</summary>
    protected async Task<IPage> NewPageAsync(string? language = null)
    {
        var page = await (await NewContextAsync(Server.BaseUrl)).NewPageAsync();
        if (language == "en")
        {
            await page.GotoAsync("/console/sign-in");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        }

        return page;
    }

    /// <summary>Opens the sign-in page and signs in with <paramref name="key"/>; returns once the home page shows.</summary>
    protected static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/console/sign-in");
        await page.Locator("#apiKey").FillAsync(key);
        await page.Locator("#apiKey").PressAsync("Enter");
        // The URL, not the load event: under load a page's load can lag the navigation that matters here.
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/sign-in"));
    }

    /// <summary>A page signed in as admin.</summary>
    protected async Task<IPage> AdminPageAsync(string? language = null)
    {
        var page = await NewPageAsync(language);
        await SignInAsync(page, Server.AdminKey);
        return page;
    }

    /// <summary>The axe scan of the page as it is now: no serious or critical violation.</summary>
    protected static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", blocking));
    }

    /// <summary>Runs the steps; on failure saves a full-page screenshot of every open page, then fails as the step did.</summary>
    protected async Task StepsAsync(IPage page, Func<Task> steps, [CallerMemberName] string name = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            await Screenshots.SaveFailureAsync(page, GetType().Name + "." + name);
            throw;
        }
    }
}
