using Xunit.Abstractions;
using Xunit.Sdk;

namespace Census.Console.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for a collection: Debian's, launched by its path (tests/run.sh installs it). Playwright's own
/// browser download is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: tests/run.sh installs it (apt-get install -y chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        // Retrying assertions wait as long as actions do: on 2 busy cores a page can take seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keep Chromium from calling out of a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        System.Console.WriteLine($"Chromium {Browser.Version} at {ChromiumPath}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>One gateway and one browser, shared by the console's page tests (each test keeps to its own ids).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "console";
}
