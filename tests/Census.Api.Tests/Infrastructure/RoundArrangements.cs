namespace Census.Api.Tests.Infrastructure;

/// <summary>The arrange steps round and survey tests share; each makes fresh ids, so no test depends on another's data.</summary>
public static class RoundArrangements
{
    /// <summary>Registers a new institution (sector science-technology) and returns its id.</summary>
    public static async Task<string> NewInstitution(this GatewayFixture gateway, string prefix = "inst")
    {
        var id = Ids.New(prefix);
        await gateway.Admin.RegisterValid(id);
        return id;
    }

    /// <summary>Creates a draft round inviting exactly <paramref name="institutions"/> and returns its id.</summary>
    public static async Task<string> NewDraftRound(this GatewayFixture gateway, params string[] institutions)
    {
        var id = Ids.New("round");
        await gateway.Rounds.CreateValid(id, institutions);
        return id;
    }

    /// <summary>Creates and opens a round inviting exactly <paramref name="institutions"/>; returns its id.</summary>
    public static async Task<string> NewOpenRound(this GatewayFixture gateway, params string[] institutions)
    {
        var id = await gateway.NewDraftRound(institutions);
        await gateway.Rounds.OpenValid(id);
        return id;
    }

    /// <summary>A new institution with an agency key, invited to a new open round that invites only it.</summary>
    public static async Task<Participant> NewParticipant(this GatewayFixture gateway)
    {
        var institution = await gateway.NewInstitution();
        var key = await gateway.Admin.IssueValidKey(institution);
        var round = await gateway.NewOpenRound(institution);
        return new Participant(round, institution, key.ApiKey, gateway.SurveysAs(key.ApiKey));
    }

    public static SurveyRoutes SurveysAs(this GatewayFixture gateway, string apiKey) => new(gateway.Factory.ClientWithKey(apiKey));

    public static RoundRoutes RoundsAs(this GatewayFixture gateway, string apiKey) => new(gateway.Factory.ClientWithKey(apiKey));
}
