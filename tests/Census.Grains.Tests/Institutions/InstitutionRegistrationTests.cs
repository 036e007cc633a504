namespace Census.Grains.Tests.Institutions;

[Collection(ClusterCollection.Name)]
public sealed class InstitutionRegistrationTests(ClusterFixture fixture)
{
    private const string Admin = "admin:test";

    private IInstitutionGrain Institution(string id) => fixture.Client.GetGrain<IInstitutionGrain>(id);

    private IInstitutionRegistryGrain Registry => fixture.Client.GetGrain<IInstitutionRegistryGrain>(IInstitutionRegistryGrain.Key);

    [Fact]
    public async Task Registering_a_new_id_creates_the_institution_from_the_profile()
    {
        var id = UniqueIds.Next();
        var profile = Profiles.Valid(id) with { Sector = Sector.HealthMedical, Kind = InstitutionKind.PublicInstitution };
        var before = DateTimeOffset.UtcNow;

        var result = await Institution(id).Register(profile, Admin);

        Assert.True(result.Created);
        Assert.Equal(
            new Institution(id, profile.Name, profile.NameEn, profile.Kind, profile.Sector, profile.ContactEmail, result.Institution.CreatedAt),
            result.Institution);
        Assert.InRange(result.Institution.CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_registered_institution_can_be_read_back()
    {
        var id = UniqueIds.Next();
        var registered = await Institution(id).Register(Profiles.Valid(id), Admin);

        var read = await Institution(id).Get();

        Assert.Equal(registered.Institution, read);
    }

    [Fact]
    public async Task Registering_an_institution_lists_it_in_the_registry()
    {
        var id = UniqueIds.Next();
        var registered = await Institution(id).Register(Profiles.Valid(id) with { Sector = Sector.Law }, Admin);

        var page = await Registry.List(new InstitutionQuery(Sector.Law, null, 1, int.MaxValue));

        Assert.Contains(registered.Institution, page.Items);
    }

    [Fact]
    public async Task Registering_an_existing_id_returns_the_original()
    {
        var id = UniqueIds.Next();
        var original = await Institution(id).Register(Profiles.Valid(id), Admin);

        var again = await Institution(id).Register(Profiles.Valid(id) with { Name = "다른 이름", Sector = Sector.Finance }, "admin:other");

        Assert.False(again.Created);
        Assert.Equal(original.Institution, again.Institution);
    }

    [Fact]
    public async Task Registering_an_existing_id_leaves_the_stored_institution_unchanged()
    {
        var id = UniqueIds.Next();
        var original = await Institution(id).Register(Profiles.Valid(id), Admin);
        await Institution(id).Register(Profiles.Valid(id) with { Name = "다른 이름" }, Admin);

        var read = await Institution(id).Get();

        Assert.Equal(original.Institution, read);
    }

    [Fact]
    public async Task Getting_an_unknown_id_gives_null()
    {
        var read = await Institution(UniqueIds.Next()).Get();

        Assert.Null(read);
    }

    [Fact]
    public async Task Registering_a_profile_under_another_id_is_refused()
    {
        var id = UniqueIds.Next();

        await Assert.ThrowsAsync<ArgumentException>(() => Institution(id).Register(Profiles.Valid(UniqueIds.Next()), Admin));

        Assert.Null(await Institution(id).Get());
    }

    [Fact]
    public async Task A_registered_institution_survives_reactivation()
    {
        var id = UniqueIds.Next();
        var registered = await Institution(id).Register(Profiles.Valid(id), Admin);
        await fixture.Cluster.DeactivateAsync(Institution(id));

        var read = await Institution(id).Get();

        Assert.Equal(registered.Institution, read);
    }
}
