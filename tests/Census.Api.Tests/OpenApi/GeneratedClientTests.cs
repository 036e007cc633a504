using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Census.Api.Tests.OpenApi;

/// <summary>
/// Defect 15, as a client team meets it: a C# client generated with Kiota (pinned in .config/dotnet-tools.json)
/// from the document a running gateway serves compiles, and completes the README's first session over HTTP.
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_client_generated_with_Kiota_completes_the_first_session_of_the_README()
    {
        using var data = new TempDataDirectory();
        var port = Census.Testing.FreePort.Next();
        await using var factory = new CensusGatewayFactory(data.Path, CensusGatewayFactory.NewAdminKey());
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1));
        factory.StartServer();
        var baseUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var document = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        var root = ToolRun.RepositoryRoot;
        var work = Path.Combine(root, "artifacts", "openapi-client");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        foreach (var file in Directory.GetFiles(Path.Combine(root, "tests", "Census.Api.Tests", "OpenApi", "ClientSession")))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        var documentPath = Path.Combine(work, "openapi.json");
        await File.WriteAllTextAsync(documentPath, document);

        var restore = await ToolRun.RunAsync("dotnet", ["tool", "restore"], root, ToolLimit);
        Assert.True(restore.ExitCode == 0, "dotnet tool restore failed:\n" + restore.Output);

        var generate = await ToolRun.RunAsync(
            "dotnet",
            ["kiota", "generate", "--language", "CSharp", "--openapi", documentPath, "--output", Path.Combine(work, "Client"),
             "--class-name", "CensusClient", "--namespace-name", "Census.Client", "--exclude-backward-compatible", "--log-level", "Warning"],
            root, ToolLimit, new Dictionary<string, string> { ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false" });
        Assert.True(generate.ExitCode == 0, "Kiota could not generate a client from the document:\n" + generate.Output);

        var build = await ToolRun.RunAsync(
            "dotnet", ["build", Path.Combine(work, "ClientSession.csproj"), "-c", "Release", "-nologo", "-v", "quiet"], work, ToolLimit);
        Assert.True(build.ExitCode == 0, "The generated client does not compile:\n" + build.Output);

        var session = await ToolRun.RunAsync(
            "dotnet", [Path.Combine(work, "bin", "Release", "net10.0", "ClientSession.dll"), baseUrl, factory.AdminKey!], work, ToolLimit);
        Assert.True(session.ExitCode == 0, "The generated client did not complete the first session:\n" + session.Output);
        Assert.Contains("registered", session.Output, StringComparison.Ordinal);
        Assert.Contains("wrote revision 1", session.Output, StringComparison.Ordinal);
        Assert.Contains("criteria=10", session.Output, StringComparison.Ordinal);
    }
}
