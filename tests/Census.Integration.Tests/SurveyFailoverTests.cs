using System.Net;
using System.Text.Json;
using Census.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Census.Integration.Tests;

public sealed class SurveyFailoverTests(TwoSiloCluster cluster) : IClassFixture<TwoSiloCluster>
{
    [Fact]
    public async Task A_record_written_before_its_silo_is_killed_reads_back_with_its_revision_and_score()
    {
        var (client, round, institution) = await SurveyWritesOnPostgresTests.OpenRoundAsync(cluster);
        var path = $"/api/v1/rounds/{round}/institutions/{institution}/datasets/survivor";
        var written = await client.PutAsync(path, SurveyWritesOnPostgresTests.Json(SurveyWritesOnPostgresTests.Record));
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        using var before = JsonDocument.Parse(await written.Content.ReadAsStringAsync());

        var grains = cluster.Gateway.Services.GetRequiredService<IGrainFactory>();
        var host = await grains.GetGrain<IManagementGrain>(0)
            .GetActivationAddress(grains.GetGrain<Census.Contracts.Surveys.IDatasetGrain>($"{institution}/survivor"));
        Assert.NotNull(host);
        var victim = host.Endpoint.Port == cluster.First.SiloPort ? cluster.First : cluster.Second;
        victim.Kill();

        var read = await Eventually.Succeeds(() => client.GetAsync(path), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90), "reading the record after the kill");
        using var after = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal(1, after.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(before.RootElement.GetProperty("score").GetProperty("post").GetDecimal(),
            after.RootElement.GetProperty("score").GetProperty("post").GetDecimal());
        Assert.Equal("하천 수위 관측", after.RootElement.GetProperty("record").GetProperty("title").GetString());
    }
}
