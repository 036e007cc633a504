namespace Census.Api.Tests.Releases;

[Collection(ReleasesCollection.Name)]
public sealed class UploadTests(GatewayFixture gateway)
{
    [Fact]
    public async Task An_upload_in_three_chunks_resumes_after_a_break_from_where_it_stands()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var content = ReleaseScene.Bytes(3000, seed: 1);
        using var begun = await scene.BeginUpload(content);
        Assert.Equal(HttpStatusCode.Created, begun.StatusCode);
        var id = (await begun.ReadJson()).GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/uploads/{id}", begun.Headers.Location?.OriginalString);
        (await scene.SendChunk(id, content, 0, 1000)).Dispose();

        // The connection broke: another client (as through another gateway) asks where the upload stands.
        using var resumedClient = gateway.As(scene.AgencyKey).Client;
        using var status = await resumedClient.GetAsync($"/api/v1/uploads/{id}");
        var received = (int)(await status.ReadJson()).GetProperty("received").GetInt64();
        using var second = await scene.SendChunk(id, content, received, 1000, resumedClient);
        using var third = await scene.SendChunk(id, content, received + 1000, 1000, resumedClient);

        Assert.Equal(1000, received);
        Assert.False((await second.ReadJson()).GetProperty("complete").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var done = await third.ReadJson();
        Assert.True(done.GetProperty("complete").GetBoolean());
        Assert.Equal(3000, done.GetProperty("received").GetInt64());
        Assert.Equal(content, await File.ReadAllBytesAsync(scene.Store.BlobPath(ReleaseScene.Sha256(content))));
    }

    [Fact]
    public async Task A_chunk_at_the_wrong_offset_is_a_conflict_that_names_where_to_resume()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var content = ReleaseScene.Bytes(200, seed: 2);
        using var begun = await scene.BeginUpload(content);
        var id = (await begun.ReadJson()).GetProperty("id").GetString()!;
        (await scene.SendChunk(id, content, 0, 100)).Dispose();

        using var skipped = await scene.SendChunk(id, content, 150, 50);

        var problem = await skipped.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(100, problem.GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Bytes_that_do_not_hash_to_the_declared_SHA_256_are_refused_and_never_stored()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var declared = ReleaseScene.Bytes(500, seed: 3);
        var sent = ReleaseScene.Bytes(500, seed: 4);
        using var begun = await scene.BeginUpload(declared);
        var id = (await begun.ReadJson()).GetProperty("id").GetString()!;

        using var last = await scene.SendChunk(id, sent, 0, 500);

        await last.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.False(File.Exists(scene.Store.BlobPath(ReleaseScene.Sha256(declared))));
        Assert.False(File.Exists(scene.Store.BlobPath(ReleaseScene.Sha256(sent))));
        using var status = await scene.Agency.GetAsync($"/api/v1/uploads/{id}");
        Assert.Equal(0, (await status.ReadJson()).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Content_the_store_already_holds_needs_no_bytes()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var content = ReleaseScene.Bytes(64, seed: 5);
        await scene.Upload(content);

        using var again = await scene.BeginUpload(content);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.ReadJson()).GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task A_body_shorter_than_its_range_keeps_nothing_of_it()
    {
        var scene = await ReleaseScene.Arrange(gateway);
        var content = ReleaseScene.Bytes(100, seed: 6);
        using var begun = await scene.BeginUpload(content);
        var id = (await begun.ReadJson()).GetProperty("id").GetString()!;
        var body = new ByteArrayContent(content, 0, 10);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentRange = new ContentRangeHeaderValue(0, 19, 100);

        using var response = await scene.Agency.PutAsync($"/api/v1/uploads/{id}", body);

        await response.AssertFieldErrors("Content-Range");
        using var status = await scene.Agency.GetAsync($"/api/v1/uploads/{id}");
        Assert.Equal(0, (await status.ReadJson()).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Uploading_needs_a_key()
    {
        using var anonymous = gateway.Anonymous();

        using var response = await anonymous.PostAsync("/api/v1/uploads", Registrations.Json("""{"sha256":"00","bytes":1}"""));

        await response.AssertProblem(HttpStatusCode.Unauthorized);
    }
}
