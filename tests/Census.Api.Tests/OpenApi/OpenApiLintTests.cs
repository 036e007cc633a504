namespace Census.Api.Tests.OpenApi;

/// <summary>
/// The served document passes <c>redocly lint</c> (its recommended rules) with no error. tests/run.sh installs
/// the pinned @redocly/cli under artifacts/tools.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class OpenApiLintTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Redocly_lint_finds_no_error_in_the_served_document()
    {
        var redocly = Path.Combine(ToolRun.RepositoryRoot, "artifacts", "tools", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: tests/run.sh installs it (npm install --prefix artifacts/tools @redocly/cli@<pinned>).");
        using var client = gateway.Anonymous();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var data = new TempDataDirectory();
        var path = Path.Combine(data.Path, "openapi.json");
        await File.WriteAllTextAsync(path, document);

        var lint = await ToolRun.RunAsync(
            redocly, ["lint", path, "--format=stylish"], data.Path, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" });

        Assert.True(lint.ExitCode == 0, "redocly lint reports errors:\n" + lint.Output);
        Assert.DoesNotContain(" error ", lint.Output, StringComparison.Ordinal);
    }
}
