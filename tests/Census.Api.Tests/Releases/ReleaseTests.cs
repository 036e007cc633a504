namespace Census.Api.Tests.Releases;

[Collection(ReleasesCollection.Name)]
public sealed class ReleaseTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_file_stored_in_parts_is_listed_in_the_manifest_with_its_parts_in_order()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var (first, second) = (ReleaseScene.Bytes(700, 10), ReleaseScene.Bytes(300, 11));
        var version = await scene.Published("data/train.bin", first, second);

        using var response = await scene.Agency.GetAsync($"{scene.Releases}/{version}/manifest");

        var file = Assert.Single((await response.ReadJson()).GetProperty("files").EnumerateArray());
        Assert.Equal("data/train.bin", file.GetProperty("path").GetString());
        Assert.Equal(1000, file.GetProperty("bytes").GetInt64());
        Assert.Equal(ReleaseScene.Sha256([.. first, .. second]), file.GetProperty("sha256").GetString());
        Assert.Equal(
            [(0, 700L, ReleaseScene.Sha256(first)), (1, 300L, ReleaseScene.Sha256(second))],
            file.GetProperty("parts").EnumerateArray().Select(p => (p.GetProperty("index").GetInt32(), p.GetProperty("bytes").GetInt64(), p.GetProperty("sha256").GetString())));
    }

    [Fact]
    public async Task Parts_that_do_not_hash_to_the_file_are_refused_and_the_draft_stays_empty()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Draft();
        var (first, second) = (ReleaseScene.Bytes(100, 12), ReleaseScene.Bytes(100, 13));
        await scene.Upload(first);
        await scene.Upload(second);
        var entry = ReleaseScene.InParts(first, second);
        entry["sha256"] = ReleaseScene.Sha256([.. second, .. first]);

        using var response = await scene.PutFile(version, "data.bin", entry);

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
        using var release = await scene.Agency.GetAsync($"{scene.Releases}/{version}");
        Assert.Empty((await release.ReadJson()).GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task A_file_naming_content_never_uploaded_is_refused()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Draft();

        using var response = await scene.PutFile(version, "data.csv", ReleaseScene.Whole(ReleaseScene.Bytes(50, 14)));

        await response.AssertProblem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_downloaded_file_hashes_to_its_manifest_entry()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var (first, second) = (ReleaseScene.Bytes(4000, 20), ReleaseScene.Bytes(1234, 21));
        var version = await scene.Published("data.bin", first, second);

        using var response = await scene.Agency.GetAsync($"{scene.Releases}/{version}/files/data.bin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(ReleaseScene.Sha256([.. first, .. second]), ReleaseScene.Sha256(bytes));
        Assert.Equal(5234, response.Content.Headers.ContentLength);
        Assert.Equal($"\"{ReleaseScene.Sha256(bytes)}\"", response.Headers.ETag?.ToString());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task A_range_across_parts_answers_206_with_exactly_those_bytes()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var (first, second) = (ReleaseScene.Bytes(4000, 22), ReleaseScene.Bytes(1234, 23));
        var version = await scene.Published("data.bin", first, second);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scene.Releases}/{version}/files/data.bin");
        request.Headers.Range = new RangeHeaderValue(3990, 4009);

        using var response = await scene.Agency.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 3990-4009/5234", response.Content.Headers.ContentRange?.ToString());
        var expected = first[3990..].Concat(second[..10]).ToArray();
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_range_past_the_end_is_416()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Published("data.csv", ReleaseScene.Bytes(100, 24));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scene.Releases}/{version}/files/data.csv");
        request.Headers.Range = new RangeHeaderValue(100, 200);

        using var response = await scene.Agency.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.RequestedRangeNotSatisfiable);
        Assert.Equal("bytes */100", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task A_range_with_a_stale_If_Range_gets_the_whole_file()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Published("data.csv", ReleaseScene.Bytes(100, 25));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{scene.Releases}/{version}/files/data.csv");
        request.Headers.Range = new RangeHeaderValue(10, 19);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"other\""));

        using var response = await scene.Agency.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_release_edited_after_publication_is_a_conflict_and_its_manifest_is_unchanged()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var content = ReleaseScene.Bytes(100, 30);
        var version = await scene.Published("data.csv", content);
        var other = ReleaseScene.Bytes(100, 31);
        await scene.Upload(other);
        var before = await (await scene.Agency.GetAsync($"{scene.Releases}/{version}/manifest")).Content.ReadAsStringAsync();

        using var replaced = await scene.PutFile(version, "data.csv", ReleaseScene.Whole(other));
        using var added = await scene.PutFile(version, "extra.csv", ReleaseScene.Whole(other));
        using var deleted = await scene.Agency.DeleteAsync($"{scene.Releases}/{version}/files/data.csv");
        using var republished = await scene.Publish(version);

        foreach (var response in new[] { replaced, added, deleted, republished })
        {
            var problem = await response.AssertProblem(HttpStatusCode.Conflict);
            Assert.Equal("A published release never changes; make a new version.", problem.GetProperty("detail").GetString());
        }

        var after = await (await scene.Agency.GetAsync($"{scene.Releases}/{version}/manifest")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_stale_If_Match_on_a_draft_is_412()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Draft();
        var content = ReleaseScene.Bytes(10, 32);
        await scene.Upload(content);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{scene.Releases}/{version}/files/a.csv") { Content = ReleaseScene.Whole(content).AsJson() };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"9\""));

        using var response = await scene.Agency.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_file_of_a_draft_is_removed()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Draft();
        var content = ReleaseScene.Bytes(10, 33);
        await scene.Upload(content);
        (await scene.PutFile(version, "a.csv", ReleaseScene.Whole(content))).Dispose();

        using var deleted = await scene.Agency.DeleteAsync($"{scene.Releases}/{version}/files/a.csv");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var release = await scene.Agency.GetAsync($"{scene.Releases}/{version}");
        Assert.Empty((await release.ReadJson()).GetProperty("files").EnumerateArray());
        Assert.Equal("\"3\"", release.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Releases_list_newest_first()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        await scene.Published("a.csv", ReleaseScene.Bytes(10, 34));
        await scene.Draft();

        using var response = await scene.Agency.GetAsync(scene.Releases);

        var list = await response.ReadJson();
        Assert.Equal(["1.1", "1.0"], list.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("version").GetString()));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_institutions_agency_may_neither_read_nor_download_a_release()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Published("a.csv", ReleaseScene.Bytes(10, 35));
        var stranger = await ReleaseScene.Arrange(gateway);

        using var download = await stranger.Agency.GetAsync($"{scene.Releases}/{version}/files/a.csv");
        using var manifest = await stranger.Agency.GetAsync($"{scene.Releases}/{version}/manifest");

        await download.AssertProblem(HttpStatusCode.Forbidden);
        await manifest.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Downloading_needs_a_key()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Published("a.csv", ReleaseScene.Bytes(10, 36));
        using var anonymous = gateway.Anonymous();

        using var response = await anonymous.GetAsync($"{scene.Releases}/{version}/files/a.csv");

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_path_with_unsafe_characters_is_refused()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var version = await scene.Draft();

        using var response = await scene.PutFile(version, "bad%20name.csv", ReleaseScene.Whole(ReleaseScene.Bytes(1, 37)));

        await response.AssertFieldErrors("path");
    }
}
