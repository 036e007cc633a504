using Census.Contracts.Catalogue;
using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Census.Contracts.Surveys;
using Census.Domain.Catalogue;

namespace Census.Domain.Tests.Catalogue;

public sealed class CatalogueRulesTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static CatalogueVersion Version(string version) => new(version, At, 1, 10, [new CatalogueFile("a.csv", 10, new string('a', 64))], null);

    private static CatalogueEntry Entry(string institution, string title, ReleaseTier tier = ReleaseTier.Open, Sector sector = Sector.Finance,
        Modality modality = Modality.Tabular, bool released = true) =>
        new(institution, "ds", title, "설명", "기관 " + institution, sector, modality, tier, License.Cc0, ["csv"],
            released ? [Version("1.0")] : [], null, [], "round-1", At);

    private static CatalogueQuery Query(string? text = null, Sector? sector = null, Modality? modality = null, ReleaseTier? tier = null, int page = 1, int size = 50) =>
        new(text, sector, modality, tier, page, size);

    [Fact]
    public void A_not_providable_or_unreleased_dataset_is_not_listed()
    {
        Assert.True(CatalogueRules.IsListed(Entry("a", "A")));
        Assert.False(CatalogueRules.IsListed(Entry("a", "A", ReleaseTier.NotProvidable)));
        Assert.False(CatalogueRules.IsListed(Entry("a", "A", released: false)));
    }

    [Fact]
    public void The_search_filters_by_every_criterion_and_text_case_insensitively()
    {
        var entries = new[]
        {
            Entry("a", "Air Quality", sector: Sector.EnvironmentWeather),
            Entry("b", "Bus routes", ReleaseTier.Restricted, Sector.TransportLogistics),
            Entry("c", "CT scans", ReleaseTier.SafeZoneOnly, Sector.HealthMedical, Modality.Image),
        };

        Assert.Equal(["a"], CatalogueRules.Search(entries, Query("air")).Items.Select(e => e.InstitutionId));
        Assert.Equal(["b"], CatalogueRules.Search(entries, Query(sector: Sector.TransportLogistics)).Items.Select(e => e.InstitutionId));
        Assert.Equal(["c"], CatalogueRules.Search(entries, Query(modality: Modality.Image)).Items.Select(e => e.InstitutionId));
        Assert.Equal(["c"], CatalogueRules.Search(entries, Query(tier: ReleaseTier.SafeZoneOnly)).Items.Select(e => e.InstitutionId));
        Assert.Equal(["b"], CatalogueRules.Search(entries, Query("기관 B")).Items.Select(e => e.InstitutionId));
    }

    [Fact]
    public void A_page_is_a_slice_of_the_matches_ordered_by_title_with_the_total()
    {
        var entries = new[] { Entry("c", "C"), Entry("a", "A"), Entry("b", "B"), Entry("x", "X", ReleaseTier.NotProvidable) };

        var page = CatalogueRules.Search(entries, Query(page: 2, size: 2));

        Assert.Equal(["c"], page.Items.Select(e => e.InstitutionId));
        Assert.Equal((2, 2, 3), (page.PageNumber, page.PageSize, page.Total));
    }

    [Fact]
    public void Versions_are_the_published_releases_newest_first_with_their_files()
    {
        Release Release(string version, ReleaseState state) =>
            new("i", "d", version, state, "r", ReleaseTier.Open, null, [new ReleaseFile("f.csv", 5, new string('b', 64), [])], 5, At, "x",
                state == ReleaseState.Published ? At : null, null, 1);

        var versions = CatalogueRules.Versions([Release("1.0", ReleaseState.Published), Release("1.10", ReleaseState.Published),
            Release("1.2", ReleaseState.Published), Release("1.11", ReleaseState.Draft)]);

        Assert.Equal(["1.10", "1.2", "1.0"], versions.Select(v => v.Version));
        Assert.Equal("f.csv", versions[0].Manifest[0].Path);
    }

    [Theory]
    [InlineData("inst-1/ds-1", true)]
    [InlineData("inst-1", false)]
    [InlineData("inst-1/ds-1/x", false)]
    [InlineData("Inst/ds", false)]
    public void A_dataset_key_is_two_ids(string key, bool valid) => Assert.Equal(valid, CatalogueRules.IsDatasetKey(key));
}
