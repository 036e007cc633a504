using Census.Contracts.Provision;
using Census.Contracts.Releases;

namespace Census.Grains.Tests.Releases;

[Collection(ClusterCollection.Name)]
public sealed class ReleaseGrainTests(ClusterFixture fixture)
{
    private const string Agency = "agency:test";

    private static readonly ReleaseDraft Draft = new("round-2027", ReleaseTier.Restricted, "first release");

    private static ReleaseFile File(string path, char hash = 'a', long bytes = 10) => new(path, bytes, new string(hash, 64), [new ReleaseFilePart(0, bytes, new string(hash, 64))]);

    /// <summary>The manifest as text: records holding lists compare the lists by reference.</summary>
    private static string Manifest(Release release) =>
        string.Join("\n", release.Files.Select(f => $"{f.Path} {f.Bytes} {f.Sha256} " + string.Join(",", f.Parts.Select(p => $"{p.Index}:{p.Bytes}:{p.Sha256}"))));

    private IReleaseGrain NewReleases() => fixture.Client.GetGrain<IReleaseGrain>($"{UniqueIds.Next()}/ds-1");

    [Fact]
    public async Task A_draft_gathers_files_and_is_published_with_its_manifest()
    {
        var releases = NewReleases();
        var created = await releases.CreateDraft(Draft, Agency);
        await releases.PutFile("1.0", File("data.csv"), null, Agency);
        await releases.PutFile("1.0", File("docs/README.md", 'b', 5), null, Agency);

        var published = await releases.Publish("1.0", null, Agency);

        Assert.Equal(ReleaseOutcome.Created, created.Outcome);
        Assert.Equal(ReleaseOutcome.Ok, published.Outcome);
        var release = (await releases.Get("1.0"))!;
        Assert.Equal(ReleaseState.Published, release.State);
        Assert.Equal(ReleaseTier.Restricted, release.Tier);
        Assert.Equal(["data.csv", "docs/README.md"], release.Files.Select(f => f.Path));
        Assert.Equal(15, release.TotalBytes);
        Assert.Equal(Agency, release.PublishedBy);
        Assert.Equal(4, release.Revision);
    }

    [Fact]
    public async Task A_published_release_refuses_every_edit_and_stays_as_it_was()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);
        await releases.PutFile("1.0", File("data.csv"), null, Agency);
        await releases.Publish("1.0", null, Agency);
        var before = (await releases.Get("1.0"))!;

        var put = await releases.PutFile("1.0", File("data.csv", 'c'), null, Agency);
        var removed = await releases.RemoveFile("1.0", "data.csv", null, Agency);
        var republished = await releases.Publish("1.0", null, Agency);

        Assert.All([put, removed, republished], r => Assert.Equal(ReleaseOutcome.Published, r.Outcome));
        Assert.Equal("A published release never changes; make a new version.", put.Detail);
        var after = (await releases.Get("1.0"))!;
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(Manifest(before), Manifest(after));
    }

    [Fact]
    public async Task Only_one_draft_is_open_at_a_time()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);

        var second = await releases.CreateDraft(Draft, Agency);

        Assert.Equal(ReleaseOutcome.DraftOpen, second.Outcome);
        Assert.Equal(1, (await releases.List(1, 50)).Total);
    }

    [Fact]
    public async Task After_1_0_is_published_the_next_release_is_1_1_and_lists_first()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);
        await releases.PutFile("1.0", File("data.csv"), null, Agency);
        await releases.Publish("1.0", null, Agency);

        var correction = await releases.CreateDraft(Draft with { Notes = "corrected" }, Agency);

        Assert.Equal("1.1", correction.Release!.Version);
        Assert.Equal(["1.1", "1.0"], (await releases.List(1, 50)).Items.Select(r => r.Version));
    }

    [Fact]
    public async Task A_draft_without_files_is_not_published()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);

        var result = await releases.Publish("1.0", null, Agency);

        Assert.Equal(ReleaseOutcome.Invalid, result.Outcome);
        Assert.Equal(ReleaseState.Draft, (await releases.Get("1.0"))!.State);
    }

    [Fact]
    public async Task A_stale_If_Match_changes_nothing()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);

        var result = await releases.PutFile("1.0", File("data.csv"), [7], Agency);

        Assert.Equal(ReleaseOutcome.Stale, result.Outcome);
        Assert.Empty((await releases.Get("1.0"))!.Files);
    }

    [Fact]
    public async Task Putting_a_path_again_replaces_its_entry()
    {
        var releases = NewReleases();
        await releases.CreateDraft(Draft, Agency);
        await releases.PutFile("1.0", File("data.csv"), null, Agency);

        await releases.PutFile("1.0", File("data.csv", 'c', 3), [2], Agency);

        var file = Assert.Single((await releases.Get("1.0"))!.Files);
        Assert.Equal(new string('c', 64), file.Sha256);
    }
}
