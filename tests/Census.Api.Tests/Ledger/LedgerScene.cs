using System.Globalization;
using System.Text.Json.Nodes;
using Census.Contracts.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Orleans;

namespace Census.Api.Tests.Ledger;

/// <summary>
/// A providing institution with an agency key and a dataset whose ledger the test fills through the ledger grain (as the
/// producers of events do), another institution's agency, and a requester principal.
/// </summary>
public sealed class LedgerScene
{
    private LedgerScene(GatewayFixture gateway, string institutionId, HttpClient agency, HttpClient otherAgency, HttpClient requester)
    {
        Gateway = gateway;
        InstitutionId = institutionId;
        Agency = agency;
        OtherAgency = otherAgency;
        Requester = requester;
    }

    public const string DatasetId = "ds-ledger";

    public GatewayFixture Gateway { get; }

    public string InstitutionId { get; }

    public HttpClient Agency { get; }

    public HttpClient OtherAgency { get; }

    public HttpClient Requester { get; }

    public HttpClient Admin => Gateway.Admin.Client;

    public string Dataset => $"/api/v1/institutions/{InstitutionId}/datasets/{DatasetId}";

    public string Settlements => $"/api/v1/institutions/{InstitutionId}/settlements";

    public ILedgerGrain Ledger(string datasetId = DatasetId) =>
        Gateway.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ILedgerGrain>($"{InstitutionId}/{datasetId}");

    public static async Task<LedgerScene> Arrange(GatewayFixture gateway)
    {
        var institution = Ids.New("led");
        await gateway.Admin.RegisterValid(institution);
        var (_, key) = await gateway.Admin.IssueValidKey(institution);
        var other = Ids.New("led");
        await gateway.Admin.RegisterValid(other);
        var (_, otherKey) = await gateway.Admin.IssueValidKey(other);

        var requesterId = Ids.New("req");
        await Organisations.EnsureAsync(gateway.Admin.Client, "snu");
        using var registered = await gateway.Admin.Client.PostAsync("/api/v1/principals", new JsonObject
        {
            ["id"] = requesterId, ["name"] = "연구자 " + requesterId, ["role"] = "requester", ["organisation"] = "snu",
        }.AsJson());
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var issued = await gateway.Admin.Client.PostAsync($"/api/v1/principals/{requesterId}/api-keys", content: null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var requesterKey = (await issued.ReadJson()).GetProperty("apiKey").GetString()!;

        return new LedgerScene(gateway, institution, gateway.As(key).Client, gateway.As(otherKey).Client, gateway.As(requesterKey).Client);
    }

    public static LedgerEvent Downloaded(string id, string requester, string organisation, string kind, long bytes, DateTimeOffset at) => new(
        $"download-completed:{id}", LedgerEventKinds.DownloadCompleted, at, requester,
        new Dictionary<string, string>
        {
            ["grant"] = "g-1", ["requester"] = requester, ["organisation"] = organisation, ["organisationKind"] = kind, ["version"] = "1.0",
            ["path"] = "data.csv", ["bytes"] = bytes.ToString(CultureInfo.InvariantCulture), ["download"] = id,
        });

    public static LedgerEvent Transaction(string id, long price, long quantity, DateTimeOffset at) => new(
        $"transaction:{id}", LedgerEventKinds.Transaction, at, "req-1",
        new Dictionary<string, string>
        {
            ["transaction"] = id, ["grant"] = "g-1", ["requester"] = "req-1", ["organisation"] = "org-1", ["organisationKind"] = "company",
            ["version"] = "1.0", ["pricing"] = "per-download", ["priceKrw"] = price.ToString(CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture), ["totalKrw"] = (price * quantity).ToString(CultureInfo.InvariantCulture),
        });
}
