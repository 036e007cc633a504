namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// One gateway (with its silo and SQLite store) shared by every test of a collection. Tests keep to
/// their own institution ids (<see cref="Ids.New"/>), so none depends on another's data.
/// </summary>
// The data directory is deleted in DisposeAsync, after the gateway has stopped using it.
#pragma warning disable CA1001
public sealed class GatewayFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly TempDataDirectory _data = new();

    public GatewayFixture()
        : this(logs: null)
    {
    }

    private GatewayFixture(LogCapture? logs)
    {
        Factory = new CensusGatewayFactory(_data.Path, CensusGatewayFactory.NewAdminKey()) { Logs = logs };
    }

    /// <summary>A gateway whose every log entry is kept in <paramref name="logs"/>.</summary>
    public static GatewayFixture WithLogs(LogCapture logs) => new(logs);

    public CensusGatewayFactory Factory { get; }

    /// <summary>Calls the API as admin.</summary>
    public CensusApi Admin { get; private set; } = null!;

    /// <summary>Calls the round routes as admin.</summary>
    public RoundRoutes Rounds { get; private set; } = null!;

    /// <summary>Calls an institution's routes in a round as admin.</summary>
    public SurveyRoutes Surveys { get; private set; } = null!;

    public string AdminKey => Factory.AdminKey!;

    public Task InitializeAsync()
    {
        Admin = new CensusApi(Factory.ClientWithKey(AdminKey));
        Rounds = new RoundRoutes(Admin.Client);
        Surveys = new SurveyRoutes(Admin.Client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Admin.Client.Dispose();
        await Factory.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>An unauthenticated client (no Authorization header).</summary>
    public HttpClient Anonymous() => Factory.ClientWith(null);

    public CensusApi As(string key) => new(Factory.ClientWithKey(key));
}
