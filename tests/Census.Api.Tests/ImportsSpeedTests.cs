using System.Diagnostics;
using Xunit.Abstractions;

namespace Census.Api.Tests;

/// <summary>
/// How fast a 5,000-row NDJSON file goes through in local mode, as a dry run and as a real run: printed, never
/// asserted (a shared test machine's timing is no specification). What is asserted is that every row arrived.
/// </summary>
[Collection(ImportsCollection.Name)]
public sealed class ImportsSpeedTests(GatewayFixture gateway, ITestOutputHelper output)
{
    private const int Rows = 5_000;

    [Fact]
    public async Task A_5000_row_file_is_dry_run_then_imported_and_every_row_is_created()
    {
        var p = await gateway.NewParticipant();
        var imports = new ImportsRoutes(p.Agency.Client);
        var lines = Enumerable.Range(0, Rows).Select(i => ImportsRoutes.Line($"ds-{i:D5}")).ToList();

        var dryWatch = Stopwatch.StartNew();
        var dryRun = await imports.Run(p.RoundId, p.InstitutionId, lines, "?dryRun=true");
        dryWatch.Stop();
        var realWatch = Stopwatch.StartNew();
        var real = await imports.Run(p.RoundId, p.InstitutionId, lines);
        realWatch.Stop();

        output.WriteLine($"dry run:  {Rows} rows in {dryWatch.Elapsed.TotalSeconds:F2} s = {Rows / dryWatch.Elapsed.TotalSeconds:F0} rows/s");
        output.WriteLine($"real run: {Rows} rows in {realWatch.Elapsed.TotalSeconds:F2} s = {Rows / realWatch.Elapsed.TotalSeconds:F0} rows/s");
        Assert.Equal(Rows, dryRun.GetProperty("created").GetInt32());
        Assert.Equal(Rows, real.GetProperty("created").GetInt32());
    }
}
