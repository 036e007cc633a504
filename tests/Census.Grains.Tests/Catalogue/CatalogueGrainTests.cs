using Census.Contracts.Catalogue;
using Census.Contracts.Provision;
using Census.Contracts.Releases;

namespace Census.Grains.Tests.Catalogue;

/// <summary>The public catalogue grain: told of releases by cases, fed their versions by each dataset's feed, and the lead's offers and uses.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CatalogueGrainTests(ClusterFixture fixture)
{
    private const string Agency = "agency:test";

    private ICatalogueGrain Catalogue => fixture.Client.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance);

    private static SurveyRecord Record(string title) =>
        new() { Title = title, Description = "설명 " + title, Modality = Modality.Image, License = License.CcBy, Formats = ["png"] };

    private static CatalogueRelease Told(string institution, string version = "1.0", ReleaseTier tier = ReleaseTier.Open) =>
        new("round-2027", institution, "photos", version, Record("사진 " + institution), tier, Sector.CultureTourism);

    private async Task PublishAsync(string institution, string version)
    {
        var releases = fixture.Client.GetGrain<IReleaseGrain>($"{institution}/photos");
        await releases.CreateDraft(new ReleaseDraft("round-2027", ReleaseTier.Open, "사진 묶음"), Agency);
        var hash = new string('c', 64);
        await releases.PutFile(version, new ReleaseFile("images/a.png", 42, hash, [new ReleaseFilePart(0, 42, hash)]), null, Agency);
        await releases.Publish(version, null, Agency);
    }

    private Task<CatalogueEntry?> ListedAsync(string institution, int versions = 1) =>
        Eventually.Until(() => Catalogue.Get($"{institution}/photos"), e => e?.Versions.Count == versions);

    [Fact]
    public async Task A_told_release_is_listed_with_its_version_once_the_feed_has_read_it()
    {
        var institution = UniqueIds.Next();
        await PublishAsync(institution, "1.0");

        await Catalogue.Released(Told(institution));

        var entry = (await ListedAsync(institution))!;
        Assert.Equal("사진 " + institution, entry.Title);
        Assert.Equal(Modality.Image, entry.Modality);
        Assert.Equal(License.CcBy, entry.License);
        Assert.Equal(ReleaseTier.Open, entry.Tier);
        var version = Assert.Single(entry.Versions);
        Assert.Equal(("1.0", 1, 42L), (version.Version, version.Files, version.TotalBytes));
        Assert.Equal("images/a.png", Assert.Single(version.Manifest).Path);
    }

    [Fact]
    public async Task A_release_told_before_its_publication_is_readable_is_asked_for_again_until_it_is()
    {
        var institution = UniqueIds.Next();

        await Catalogue.Released(Told(institution));
        Assert.Null(await Catalogue.Get($"{institution}/photos"));
        await PublishAsync(institution, "1.0");

        Assert.Equal("1.0", Assert.Single((await ListedAsync(institution))!.Versions).Version);
    }

    [Fact]
    public async Task The_same_release_told_twice_is_listed_once()
    {
        var institution = UniqueIds.Next();
        await PublishAsync(institution, "1.0");
        await Catalogue.Released(Told(institution));
        await ListedAsync(institution);

        await Catalogue.Released(Told(institution));

        var page = await Catalogue.List(new CatalogueQuery(institution, null, null, null, 1, 10));
        Assert.Equal(1, page.Total);
        Assert.Single(page.Items[0].Versions);
    }

    [Fact]
    public async Task A_not_providable_dataset_is_neither_listed_nor_exported()
    {
        var institution = UniqueIds.Next();
        await Catalogue.Released(Told(institution, tier: ReleaseTier.NotProvidable));
        var hash = new string('d', 64);
        await Catalogue.Versions($"{institution}/photos", "기관", [new CatalogueVersion("1.0", DateTimeOffset.UtcNow, 1, 42, [new CatalogueFile("a.png", 42, hash)], null)]);

        Assert.Null(await Catalogue.Get($"{institution}/photos"));
        Assert.Equal(0, (await Catalogue.List(new CatalogueQuery(institution, null, null, null, 1, 10))).Total);
        Assert.DoesNotContain(await Catalogue.All(), e => e.InstitutionId == institution);
    }

    [Fact]
    public async Task An_offer_set_before_the_release_shows_once_it_is_listed()
    {
        var institution = UniqueIds.Next();
        await Catalogue.SetOffer($"{institution}/photos", new CatalogueOffer(CataloguePricing.Flat, 1_000_000, "2", DateTimeOffset.UtcNow));
        await PublishAsync(institution, "1.0");

        await Catalogue.Released(Told(institution));

        var offer = (await ListedAsync(institution))!.Offer!;
        Assert.Equal((CataloguePricing.Flat, 1_000_000L), (offer.Pricing, offer.PriceKrw));
    }

    [Fact]
    public async Task An_approved_use_added_twice_for_one_request_is_one_entry_of_the_register()
    {
        var institution = UniqueIds.Next();
        await PublishAsync(institution, "1.0");
        await Catalogue.Released(Told(institution));
        var use = new ApprovedUse("req-1", "kaist", "research", "관광 사진 분류", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));

        await Catalogue.AddApprovedUse($"{institution}/photos", use);
        await Catalogue.AddApprovedUse($"{institution}/photos", use with { Summary = "관광 사진 분류 (수정)" });

        var uses = (await ListedAsync(institution))!.ApprovedUses;
        Assert.Equal("관광 사진 분류 (수정)", Assert.Single(uses).Summary);
    }

    [Fact]
    public async Task A_malformed_dataset_key_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Catalogue.SetOffer("no-slash", new CatalogueOffer(CataloguePricing.Free, null, null, DateTimeOffset.UtcNow)));
    }
}
