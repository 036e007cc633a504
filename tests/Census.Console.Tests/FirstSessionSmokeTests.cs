using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests;

/// <summary>The README's first step: the service started as a user starts it, its console reached at its address with the key it generated.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FirstSessionSmokeTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_started_service_answers_its_root_with_the_console_and_takes_its_generated_admin_key()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var page = await (await NewContextAsync(gateway.BaseUrl)).NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("로그인");
            await SignInAsync(page, gateway.AdminKey);
            Assert.EndsWith("/console/admin", page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain(gateway.AdminKey, gateway.Output, StringComparison.Ordinal);
        });
    }
}
