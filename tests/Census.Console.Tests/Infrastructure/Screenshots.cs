namespace Census.Console.Tests.Infrastructure;

/// <summary>Where the tests' screenshots go: artifacts/console-screenshots under the repository root.</summary>
public static class Screenshots
{
    public static string Directory { get; } = Find();

    public static async Task SaveFailureAsync(IPage page, string name)
    {
        var folder = Path.Combine(Directory, "failures");
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page itself is gone: the failure's own message is all there is.
        }
    }

    /// <summary>A screenshot of the page for docs/console.md, kept beside the failures.</summary>
    public static Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Actors.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "console-screenshots");
            }
        }

        return Path.Combine(Path.GetTempPath(), "console-screenshots");
    }
}
