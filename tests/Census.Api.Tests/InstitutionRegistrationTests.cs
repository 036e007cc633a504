namespace Census.Api.Tests;

/// <summary>api.md "Institutions": registering and reading institutions.</summary>
[Collection(InstitutionsCollection.Name)]
public sealed class InstitutionRegistrationTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Registering_answers_201_with_the_location_of_the_new_institution()
    {
        var id = Ids.New();

        using var response = await gateway.Admin.Register(Registrations.Valid(id));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/institutions/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Registered_institution_is_returned_in_camelCase_with_kebab_case_enums_and_a_UTC_time()
    {
        var id = Ids.New();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var body = await gateway.Admin.RegisterValid(id);

        Assert.Equal(
            ["id", "name", "nameEn", "kind", "sector", "contactEmail", "createdAt"],
            body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("과학기술정보통신부", body.GetProperty("name").GetString());
        Assert.Equal("Ministry of Science and ICT", body.GetProperty("nameEn").GetString());
        Assert.Equal("central-government", body.GetProperty("kind").GetString());
        Assert.Equal("science-technology", body.GetProperty("sector").GetString());
        Assert.Equal("data@msit.go.kr", body.GetProperty("contactEmail").GetString());
        var createdAt = body.GetProperty("createdAt").GetString()!;
        Assert.EndsWith("Z", createdAt, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Optional_fields_left_out_are_returned_as_null()
    {
        var id = Ids.New();

        var body = await gateway.Admin.RegisterValid(id, b => b.Without("nameEn").Without("contactEmail"));

        Assert.Equal(JsonValueKind.Null, body.GetProperty("nameEn").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("contactEmail").ValueKind);
    }

    [Fact]
    public async Task Registered_institution_reads_back_as_it_was_created()
    {
        var id = Ids.New();
        var created = await gateway.Admin.RegisterValid(id, b => b.With("kind", "local-government").With("sector", "environment-weather"));

        using var response = await gateway.Admin.Get(id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(created.ToString(), (await response.ReadJson()).ToString());
    }

    [Fact]
    public async Task Registering_a_taken_id_is_a_conflict()
    {
        var id = Ids.New();
        await gateway.Admin.RegisterValid(id);

        using var response = await gateway.Admin.Register(Registrations.Valid(id).With("name", "다른 기관"));

        await response.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_conflicting_registration_leaves_the_original_unchanged()
    {
        var id = Ids.New();
        var original = await gateway.Admin.RegisterValid(id);
        using (var conflict = await gateway.Admin.Register(Registrations.Valid(id)
            .With("name", "다른 기관").With("kind", "other").With("sector", "law").With("contactEmail", "x@example.org")))
        {
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        }

        using var response = await gateway.Admin.Get(id);

        Assert.Equal(original.ToString(), (await response.ReadJson()).ToString());
    }

    [Fact]
    public async Task Reading_an_unknown_institution_is_404()
    {
        using var response = await gateway.Admin.Get(Ids.New("unknown"));

        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("한국지능정보사회진흥원")]
    [InlineData("공공데이터 🚀📊 센터")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("Robert'); DELETE FROM grain_state; -- \"quoted\" \\ back")]
    public async Task Names_are_stored_and_returned_verbatim(string name)
    {
        var id = Ids.New();
        var created = await gateway.Admin.RegisterValid(id, b => b.With("name", name));

        using var response = await gateway.Admin.Get(id);

        Assert.Equal(name, created.GetProperty("name").GetString());
        Assert.Equal(name, (await response.ReadJson()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Sql_looking_names_do_not_disturb_the_store()
    {
        var first = Ids.New();
        await gateway.Admin.RegisterValid(first);
        var second = Ids.New();
        await gateway.Admin.RegisterValid(second, b => b.With("name", "'; DROP TABLE grain_state; --"));

        using var response = await gateway.Admin.Get(first);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
