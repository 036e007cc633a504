using Census.Contracts.Exports;
using Census.Domain.Exports;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Exports;

/// <summary>An export request, its checks and its decisions survive a restart of local mode's SQLite store as they were.</summary>
public sealed class ExportPersistenceTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _adminKey = CensusGatewayFactory.NewAdminKey();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task An_export_with_magnitudes_and_a_decision_reads_back_exactly_after_a_restart()
    {
        var files = new List<ExportFile>
        {
            new("tables/income.csv", ExportFileType.Table, new string('b', 64), 42,
                [new ExportCell("region=seoul", 25, 1234.5678901234567890123m, 0.0000001m, 99999999999999.25m), new ExportCell("region=jeju", 0, 0, 0, 0)]),
            new("model.bin", ExportFileType.Model, new string('c', 64), 7, []),
        };
        var request = new ExportRequest(
            Ids.New("exp"), "grant-1", "inst-a", "ds-1", "req-1", "org-r", files, "notes", OutputChecks.Check(files),
            ExportStatus.Submitted, [], DateTimeOffset.UtcNow, "requester:req-1/k", null);
        string before;
        await using (var first = new CensusGatewayFactory(_data.Path, _adminKey))
        {
            var export = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IExportRequestGrain>(request.Id);
            await export.Submit(request);
            var decided = await export.Decide(new CheckerDecision(
                new Census.Contracts.Principals.PrincipalRef("chk-1", "org-c"), ExportVerdict.Approve, "a model of counts", "output-checker:chk-1/k"));
            before = JsonSerializer.Serialize(decided.Request);
        }

        await using var second = new CensusGatewayFactory(_data.Path, _adminKey);
        var read = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IExportRequestGrain>(request.Id).Get();

        Assert.Equal(before, JsonSerializer.Serialize(read));
        Assert.Equal(1234.5678901234567890123m, read!.Files[0].Cells[0].Largest);
    }
}
