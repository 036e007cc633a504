namespace Census.Grains.Tests.Institutions;

/// <summary>
/// Listing behaviour, each test on a registry instance of its own (the grain is keyed; production uses
/// only <see cref="IInstitutionRegistryGrain.Key"/>), so totals are not disturbed by other tests.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InstitutionRegistryTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset CreatedAt = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private IInstitutionRegistryGrain NewRegistry() =>
        fixture.Client.GetGrain<IInstitutionRegistryGrain>(UniqueIds.Next("registry"));

    private static Institution Entry(string id, Sector sector = Sector.Education, InstitutionKind kind = InstitutionKind.Other) =>
        new(id, $"기관 {id}", null, kind, sector, null, CreatedAt);

    private static async Task UpsertAll(IInstitutionRegistryGrain registry, params Institution[] institutions)
    {
        foreach (var institution in institutions)
        {
            await registry.Upsert(institution);
        }
    }

    private static string[] Ids(Page<Institution> page) => [.. page.Items.Select(i => i.Id)];

    [Fact]
    public async Task An_empty_registry_lists_nothing()
    {
        var page = await NewRegistry().List(new InstitutionQuery(null, null, 1, 50));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Institutions_are_listed_ordered_by_id()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("seoul"), Entry("busan"), Entry("a-1"), Entry("a10"), Entry("a2"));

        var page = await registry.List(new InstitutionQuery(null, null, 1, 50));

        Assert.Equal(["a-1", "a10", "a2", "busan", "seoul"], Ids(page));
    }

    [Fact]
    public async Task Filtering_by_sector_lists_only_that_sector_and_counts_only_it()
    {
        var registry = NewRegistry();
        await UpsertAll(
            registry,
            Entry("law-1", Sector.Law),
            Entry("health-1", Sector.HealthMedical),
            Entry("law-2", Sector.Law),
            Entry("finance-1", Sector.Finance));

        var page = await registry.List(new InstitutionQuery(Sector.Law, null, 1, 50));

        Assert.Equal(["law-1", "law-2"], Ids(page));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Filtering_by_kind_lists_only_that_kind_and_counts_only_it()
    {
        var registry = NewRegistry();
        await UpsertAll(
            registry,
            Entry("gov-1", kind: InstitutionKind.CentralGovernment),
            Entry("city-1", kind: InstitutionKind.LocalGovernment),
            Entry("city-2", kind: InstitutionKind.LocalGovernment));

        var page = await registry.List(new InstitutionQuery(null, InstitutionKind.LocalGovernment, 1, 50));

        Assert.Equal(["city-1", "city-2"], Ids(page));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Filtering_by_sector_and_kind_lists_institutions_matching_both()
    {
        var registry = NewRegistry();
        await UpsertAll(
            registry,
            Entry("match", Sector.Law, InstitutionKind.LocalGovernment),
            Entry("sector-only", Sector.Law, InstitutionKind.CentralGovernment),
            Entry("kind-only", Sector.Finance, InstitutionKind.LocalGovernment));

        var page = await registry.List(new InstitutionQuery(Sector.Law, InstitutionKind.LocalGovernment, 1, 50));

        Assert.Equal(["match"], Ids(page));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task A_filter_nothing_matches_lists_nothing()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("law-1", Sector.Law));

        var page = await registry.List(new InstitutionQuery(Sector.EnvironmentWeather, null, 1, 50));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task A_page_holds_its_slice_and_the_total_counts_every_match()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("i-05"), Entry("i-01"), Entry("i-04"), Entry("i-02"), Entry("i-03"));

        var page = await registry.List(new InstitutionQuery(null, null, 2, 2));

        Assert.Equal(["i-03", "i-04"], Ids(page));
        Assert.Equal(5, page.Total);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(2, page.PageSize);
    }

    [Fact]
    public async Task The_last_page_holds_what_is_left()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("i-01"), Entry("i-02"), Entry("i-03"), Entry("i-04"), Entry("i-05"));

        var page = await registry.List(new InstitutionQuery(null, null, 3, 2));

        Assert.Equal(["i-05"], Ids(page));
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_still_counts_the_total()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("i-01"), Entry("i-02"), Entry("i-03"));

        var page = await registry.List(new InstitutionQuery(null, null, 3, 2));

        Assert.Empty(page.Items);
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Paging_applies_to_the_filtered_list()
    {
        var registry = NewRegistry();
        await UpsertAll(
            registry,
            Entry("a-law", Sector.Law),
            Entry("b-finance", Sector.Finance),
            Entry("c-law", Sector.Law),
            Entry("d-finance", Sector.Finance),
            Entry("e-law", Sector.Law));

        var page = await registry.List(new InstitutionQuery(Sector.Law, null, 2, 2));

        Assert.Equal(["e-law"], Ids(page));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Upserting_an_existing_id_replaces_its_entry()
    {
        var registry = NewRegistry();
        await registry.Upsert(Entry("mois", Sector.Law));

        await registry.Upsert(Entry("mois", Sector.Finance));

        var page = await registry.List(new InstitutionQuery(null, null, 1, 50));
        Assert.Equal([Entry("mois", Sector.Finance)], page.Items);
    }

    [Fact]
    public async Task An_entry_added_after_a_listing_appears_in_the_next_listing()
    {
        var registry = NewRegistry();
        await registry.Upsert(Entry("b-second"));
        await registry.List(new InstitutionQuery(null, null, 1, 50));

        await registry.Upsert(Entry("a-first"));

        var page = await registry.List(new InstitutionQuery(null, null, 1, 50));
        Assert.Equal(["a-first", "b-second"], Ids(page));
    }

    [Fact]
    public async Task Entries_survive_reactivation()
    {
        var registry = NewRegistry();
        await UpsertAll(registry, Entry("i-01"), Entry("i-02"));
        await fixture.Cluster.DeactivateAsync(registry);

        var page = await registry.List(new InstitutionQuery(null, null, 1, 50));

        Assert.Equal(["i-01", "i-02"], Ids(page));
    }
}
