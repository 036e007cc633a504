using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace Census.Api.Tests;

/// <summary>api.md "Bulk intake and exchange": importing an inventory as NDJSON through HTTP.</summary>
[Collection(ImportsCollection.Name)]
public sealed class ImportsTests(GatewayFixture gateway)
{
    private static ImportsRoutes Imports(Participant p) => new(p.Agency.Client);

    [Fact]
    public async Task A_retry_with_the_Idempotency_Key_of_an_import_whose_file_never_arrived_imports_the_file_sent_again()
    {
        var p = await gateway.NewParticipant();
        var key = Guid.NewGuid().ToString();
        // What a POST answered 503 leaves behind: the import begun, its rows never (all) staged, never started.
        var importId = Census.ApiGateway.Apis.ImportsApi.DerivedId(p.RoundId, p.InstitutionId, key);
        var stuck = gateway.Factory.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<Census.Contracts.Imports.IImportGrain>($"{p.RoundId}/{p.InstitutionId}/{importId}");
        await stuck.Begin(new Census.Contracts.Imports.ImportDefinition(
            p.RoundId, p.InstitutionId, importId, false, false, Census.Contracts.Imports.ImportFileFormat.Ndjson, "admin", DateTimeOffset.UtcNow));
        var ids = Enumerable.Range(0, 3).Select(_ => Ids.New("ds")).ToList();

        using var retried = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File(ids.Select(id => ImportsRoutes.Line(id))), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var ended = await Imports(p).Ended(retried.Headers.Location!.OriginalString);
        Assert.Equal(("completed", 3), (ended.GetProperty("state").GetString(), ended.GetProperty("created").GetInt32()));
    }

    [Fact]
    public async Task An_import_answers_202_with_its_location_and_completes_with_every_row_created()
    {
        var p = await gateway.NewParticipant();
        var ids = Enumerable.Range(0, 12).Select(_ => Ids.New("ds")).ToList();

        using var response = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File(ids.Select(id => ImportsRoutes.Line(id))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadJson();
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"{ImportsRoutes.Imports(p.RoundId, p.InstitutionId)}/{accepted.GetProperty("importId").GetString()}", location);
        Assert.Equal("ndjson", accepted.GetProperty("format").GetString());
        var ended = await Imports(p).Ended(location);
        Assert.Equal(("completed", 12, 12, 0, 12), State(ended));
        Assert.Equal(1.0, ended.GetProperty("progress").GetDouble());
        using var stored = await p.Agency.Get(p.RoundId, p.InstitutionId, ids[^1]);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_the_real_run_after_it_writes_what_it_reported()
    {
        var p = await gateway.NewParticipant();
        var existing = Ids.New("ds");
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, existing);
        var lines = new[]
        {
            ImportsRoutes.Line(existing),
            ImportsRoutes.Line(Ids.New("ds")),
            ImportsRoutes.Line(Ids.New("ds"), SurveyRecords.Valid().With("title", "다른 제목")),
        };

        var dryRun = await Imports(p).Run(p.RoundId, p.InstitutionId, lines, "?dryRun=true");
        using (var list = await p.Agency.List(p.RoundId, p.InstitutionId))
        {
            Assert.Equal(1, (await list.ReadJson()).GetProperty("total").GetInt32());
        }

        var real = await Imports(p).Run(p.RoundId, p.InstitutionId, lines);

        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Equal((2, 1, 0), Outcomes(dryRun));
        Assert.Equal(Outcomes(dryRun), Outcomes(real));
        using var after = await p.Agency.List(p.RoundId, p.InstitutionId);
        Assert.Equal(3, (await after.ReadJson()).GetProperty("total").GetInt32());
    }

    /// <summary>An NDJSON file's rows are its lines: the first line is row 1.</summary>
    [Fact]
    public async Task Errors_are_listed_by_row_and_path_as_a_JSON_page_and_all_of_them_as_CSV()
    {
        var p = await gateway.NewParticipant();
        var bad = Ids.New("ds");
        var location = await Imports(p).Started(p.RoundId, p.InstitutionId,
        [
            ImportsRoutes.Line(Ids.New("ds")),
            ImportsRoutes.Line(bad, SurveyRecords.Valid().With("volume.records", -1)),
            "{ not json",
        ]);
        var ended = await Imports(p).Ended(location);

        using var page = await Imports(p).Errors(location, "?page=1&pageSize=1");
        using var csv = await Imports(p).Errors(location, accept: "text/csv");

        Assert.Equal(("completed", 3, 1, 2, 1), State(ended));
        var json = await page.ReadJson();
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        var first = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal((2, bad, "record.volume.records"), (first.GetProperty("row").GetInt32(), first.GetProperty("datasetId").GetString(), first.GetProperty("path").GetString()));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,datasetId,path,message", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"2,{bad},record.volume.records,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("3,,record,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_round_refuses_an_import_with_409_and_lists_none()
    {
        var p = await gateway.NewParticipant();
        await gateway.Rounds.CloseValid(p.RoundId);

        using var response = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File([ImportsRoutes.Line(Ids.New("ds"))]));

        await response.AssertProblem(HttpStatusCode.Conflict);
        using var list = await Imports(p).List(p.RoundId, p.InstitutionId);
        Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_file_of_another_media_type_is_415()
    {
        var p = await gateway.NewParticipant();

        using var response = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File([ImportsRoutes.Line(Ids.New("ds"))], "text/plain"));

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_file_problem_is_400_naming_where_and_writes_nothing()
    {
        var p = await gateway.NewParticipant();
        var first = Ids.New("ds");
        var lines = new[] { ImportsRoutes.Line(first) }.Concat(Enumerable.Repeat("{}", 50_000));

        using var response = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File(lines));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal("line 50001", problem.GetProperty("where").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        using var list = await Imports(p).List(p.RoundId, p.InstitutionId);
        Assert.Equal(0, (await list.ReadJson()).GetProperty("total").GetInt32());
        using var record = await p.Agency.Get(p.RoundId, p.InstitutionId, first);
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
    }

    [Fact]
    public async Task A_POST_retried_with_the_same_Idempotency_Key_returns_the_same_import()
    {
        var p = await gateway.NewParticipant();
        var key = Guid.NewGuid().ToString("N");
        var file = new[] { ImportsRoutes.Line(Ids.New("ds")), ImportsRoutes.Line(Ids.New("ds")) };
        using var first = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File(file), idempotencyKey: key);
        var firstId = (await first.ReadJson()).GetProperty("importId").GetString();
        await Imports(p).Ended(first.Headers.Location!.OriginalString);

        using var retry = await Imports(p).Post(p.RoundId, p.InstitutionId, ImportsRoutes.File(file), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var again = await retry.ReadJson();
        Assert.Equal(firstId, again.GetProperty("importId").GetString());
        Assert.Equal(2, again.GetProperty("created").GetInt32());
        using var list = await Imports(p).List(p.RoundId, p.InstitutionId);
        Assert.Equal(1, (await list.ReadJson()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_record_imported_reads_back_as_the_same_PUT_would_have_made_it()
    {
        var p = await gateway.NewParticipant();
        var (imported, put) = (Ids.New("ds"), Ids.New("ds"));
        var record = SurveyRecords.Valid().With("keywords", new JsonArray("교통", "traffic"));
        await Imports(p).Run(p.RoundId, p.InstitutionId, [ImportsRoutes.Line(imported, record)]);
        await p.Agency.PutValid(p.RoundId, p.InstitutionId, put, record);

        using var byImport = await p.Agency.Get(p.RoundId, p.InstitutionId, imported);
        using var byPut = await p.Agency.Get(p.RoundId, p.InstitutionId, put);

        var (a, b) = (await byImport.ReadJson(), await byPut.ReadJson());
        Assert.Equal(b.GetProperty("record").GetRawText(), a.GetProperty("record").GetRawText());
        Assert.Equal(b.GetProperty("score").GetRawText(), a.GetProperty("score").GetRawText());
        Assert.Equal(b.GetProperty("revision").GetInt32(), a.GetProperty("revision").GetInt32());
        Assert.StartsWith(b.GetProperty("updatedBy").GetString() + " import:", a.GetProperty("updatedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agency_key_cannot_import_for_another_institution()
    {
        var p = await gateway.NewParticipant();
        var other = await gateway.NewParticipant();

        using var response = await Imports(p).Post(other.RoundId, other.InstitutionId, ImportsRoutes.File([ImportsRoutes.Line(Ids.New("ds"))]));

        await response.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Canceling_a_completed_import_is_409_and_an_unknown_import_is_404()
    {
        var p = await gateway.NewParticipant();
        var location = await Imports(p).Started(p.RoundId, p.InstitutionId, [ImportsRoutes.Line(Ids.New("ds"))]);
        await Imports(p).Ended(location);

        using var completed = await Imports(p).Cancel(location);
        using var unknown = await Imports(p).Cancel($"{ImportsRoutes.Imports(p.RoundId, p.InstitutionId)}/{Guid.NewGuid():N}");

        await completed.AssertProblem(HttpStatusCode.Conflict);
        await unknown.AssertProblem(HttpStatusCode.NotFound);
    }

    private static (string State, int Rows, int Valid, int Invalid, int Created) State(JsonElement import) => (
        import.GetProperty("state").GetString()!, import.GetProperty("rows").GetInt32(), import.GetProperty("valid").GetInt32(),
        import.GetProperty("invalid").GetInt32(), import.GetProperty("created").GetInt32());

    private static (int Created, int Unchanged, int Updated) Outcomes(JsonElement import) => (
        import.GetProperty("created").GetInt32(), import.GetProperty("unchanged").GetInt32(), import.GetProperty("updated").GetInt32());
}
