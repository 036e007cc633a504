namespace Census.Api.Tests;

/// <summary>
/// api.md "Conventions" (auth): every institution route against every kind of caller. Missing or
/// unknown key → 401; a known key without the right → 403; an admin succeeds. Each case arranges its
/// own institutions and keys.
/// </summary>
[Collection(AuthorizationCollection.Name)]
public sealed class AuthorizationTests(GatewayFixture gateway)
{
    public enum Caller
    {
        NoKey,
        MalformedHeader,
        BasicScheme,
        WrongKey,
        ForgedInstitutionKey,
        RevokedKey,
        OtherInstitutionAgency,
        OwnInstitutionAgency,
        Admin,
    }

    public enum Route
    {
        RegisterInstitution,
        ListInstitutions,
        GetInstitution,
        IssueApiKey,
        RevokeApiKey,
    }

    public static TheoryData<Route, Caller, HttpStatusCode> Cases()
    {
        var data = new TheoryData<Route, Caller, HttpStatusCode>();
        foreach (var route in Enum.GetValues<Route>())
        {
            foreach (var caller in new[] { Caller.NoKey, Caller.MalformedHeader, Caller.BasicScheme, Caller.WrongKey, Caller.ForgedInstitutionKey, Caller.RevokedKey })
            {
                data.Add(route, caller, HttpStatusCode.Unauthorized);
            }

            data.Add(route, Caller.OtherInstitutionAgency, HttpStatusCode.Forbidden);
            data.Add(route, Caller.OwnInstitutionAgency, route == Route.GetInstitution ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            data.Add(route, Caller.Admin, route switch
            {
                Route.RegisterInstitution or Route.IssueApiKey => HttpStatusCode.Created,
                Route.RevokeApiKey => HttpStatusCode.NoContent,
                _ => HttpStatusCode.OK,
            });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_route_answers_each_caller_with_the_contract_status(Route route, Caller caller, HttpStatusCode expected)
    {
        // Arrange: the target institution with a key to revoke and a revoked key, and another institution.
        var target = Ids.New("auth");
        var other = Ids.New("other");
        await gateway.Admin.RegisterValid(target);
        await gateway.Admin.RegisterValid(other);
        var own = await gateway.Admin.IssueValidKey(target);
        var revoked = await gateway.Admin.IssueValidKey(target);
        using (var revocation = await gateway.Admin.RevokeKey(target, revoked.KeyId))
        {
            Assert.Equal(HttpStatusCode.NoContent, revocation.StatusCode);
        }

        var otherKey = await gateway.Admin.IssueValidKey(other);
        var victim = await gateway.Admin.IssueValidKey(target);
        using var client = gateway.Factory.ClientWith(caller switch
        {
            Caller.NoKey => null,
            Caller.MalformedHeader => "Bearer",
            Caller.BasicScheme => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + gateway.AdminKey)),
            Caller.WrongKey => "Bearer " + CensusGatewayFactory.NewAdminKey(),
            Caller.ForgedInstitutionKey => $"Bearer cen.{target}.{own.KeyId}.not-the-secret",
            Caller.RevokedKey => "Bearer " + revoked.ApiKey,
            Caller.OtherInstitutionAgency => "Bearer " + otherKey.ApiKey,
            Caller.OwnInstitutionAgency => "Bearer " + own.ApiKey,
            Caller.Admin => "Bearer " + gateway.AdminKey,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        });
        var api = new CensusApi(client);

        // Act
        using var response = route switch
        {
            Route.RegisterInstitution => await api.Register(Registrations.Valid(Ids.New("new"))),
            Route.ListInstitutions => await api.List(),
            Route.GetInstitution => await api.Get(target),
            Route.IssueApiKey => await api.IssueKey(target),
            Route.RevokeApiKey => await api.RevokeKey(target, victim.KeyId),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };

        // Assert
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Unauthenticated_answer_names_the_bearer_scheme()
    {
        using var client = gateway.Anonymous();

        using var response = await new CensusApi(client).List();

        await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Refused_registration_creates_nothing()
    {
        var own = Ids.New("own");
        await gateway.Admin.RegisterValid(own);
        var key = await gateway.Admin.IssueValidKey(own);
        var id = Ids.New("refused");

        using var response = await gateway.As(key.ApiKey).Register(Registrations.Valid(id));

        await response.AssertProblem(HttpStatusCode.Forbidden);
        await gateway.Admin.AssertNotRegistered(id);
    }

    [Fact]
    public async Task Refused_revocation_leaves_the_key_working()
    {
        var id = Ids.New("keep");
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);
        var agency = gateway.As(key.ApiKey);

        using var refused = await agency.RevokeKey(id, key.KeyId);
        await refused.AssertProblem(HttpStatusCode.Forbidden);

        using var stillWorks = await agency.Get(id);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task An_agency_key_authenticates_only_as_its_own_institution()
    {
        var id = Ids.New("self");
        await gateway.Admin.RegisterValid(id);
        var key = await gateway.Admin.IssueValidKey(id);

        using var response = await gateway.As(key.ApiKey).Get(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (await response.ReadJson()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_key_presented_for_an_institution_that_was_never_registered_is_refused()
    {
        var ghost = Ids.New("ghost");

        using var response = await gateway.As($"cen.{ghost}.{Ids.UnknownKeyId()}.secret").Get(ghost);

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("Bearer    ")]
    [InlineData("Bearer cen")]
    [InlineData("Bearer cen...")]
    [InlineData("Bearer cen.Bad_ID.0123456789ab.secret")]
    [InlineData("Bearer cen.some-inst.NOTHEX000000.secret")]
    [InlineData("Bearer cen.some-inst.0123456789ab.")]
    [InlineData("Bearer cen.some-inst.0123456789ab.secret.extra")]
    [InlineData("Bearer 과학기술정보통신부")]
    [InlineData("Token abc")]
    public async Task Unparseable_credentials_are_401_never_5xx(string authorization)
    {
        using var client = gateway.Factory.ClientWith(authorization);

        using var response = await new CensusApi(client).List();

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_very_long_bearer_token_is_401()
    {
        using var client = gateway.Factory.ClientWith("Bearer cen.some-inst.0123456789ab." + new string('s', 10_000));

        using var response = await new CensusApi(client).List();

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_bearer_scheme_name_is_case_insensitive()
    {
        using var client = gateway.Factory.ClientWith("bearer " + gateway.AdminKey);

        using var response = await new CensusApi(client).List();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
