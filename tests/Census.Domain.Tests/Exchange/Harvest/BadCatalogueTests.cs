using System.Text;
using Census.Exchange.Harvest;
using Census.Exchange.Imports;

namespace Census.Domain.Tests.Exchange.Harvest;

/// <summary>Documents that are no catalogue are problems of the whole document, naming where; no row comes out.</summary>
public sealed class BadCatalogueTests
{
    private static async Task<ImportFileException> Problem(string body, string contentType)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return await Assert.ThrowsAsync<ImportFileException>(async () =>
        {
            await foreach (var _ in CatalogHarvest.ReadAsync(content, contentType, new HarvestContext()))
            {
            }
        });
    }

    [Fact]
    public async Task A_web_page_sent_as_turtle_is_not_rdf()
    {
        var problem = await Problem("<!DOCTYPE html>\n<html><body>Not found</body></html>", "text/turtle");

        Assert.StartsWith("Not valid Turtle", problem.Message, StringComparison.Ordinal);
        Assert.Equal("line 1, column 10", problem.Where);
    }

    [Fact]
    public async Task Text_sent_as_json_ld_is_not_json()
    {
        var problem = await Problem("title: roads\n", "application/ld+json");

        Assert.StartsWith("Not valid JSON", problem.Message, StringComparison.Ordinal);
        Assert.Equal("line 1, column 2", problem.Where);
    }

    [Fact]
    public async Task A_turtle_syntax_error_names_its_line()
    {
        var problem = await Problem("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <https://a.kr/1> a dcat:Dataset ;
              dct:title "도로" 
            <https://a.kr/2> a dcat:Dataset .
            """, "text/turtle; charset=utf-8");

        Assert.Equal("line 5, column 1", problem.Where);
    }

    [Theory]
    [InlineData("@prefix foaf: <http://xmlns.com/foaf/0.1/> . <https://a.kr/org> a foaf:Organization ; foaf:name \"기관\" .", "text/turtle")]
    [InlineData("""{ "@context": { "foaf": "http://xmlns.com/foaf/0.1/" }, "@id": "https://a.kr/org", "foaf:name": "기관" }""", "application/ld+json")]
    [InlineData("""{ "title": "roads", "items": [] }""", "application/ld+json")]
    public async Task Rdf_without_a_dataset_is_refused(string body, string contentType)
    {
        var problem = await Problem(body, contentType);

        Assert.Contains("describes no dataset", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "datasets": [] }""")]
    [InlineData("""[ { "title": "t" } ]""")]
    public async Task A_data_json_without_a_dataset_array_is_refused(string body)
    {
        var problem = await Problem(body, "application/json");

        Assert.Equal("dataset", problem.Where);
    }

    [Fact]
    public async Task A_data_json_with_an_empty_dataset_array_lists_no_dataset()
    {
        var problem = await Problem("""{ "dataset": [] }""", "application/json");

        Assert.Equal("The data.json lists no dataset.", problem.Message);
    }

    [Fact]
    public async Task A_media_type_the_harvest_does_not_read_is_refused()
    {
        var problem = await Problem("a,b\n1,2\n", "text/csv");

        Assert.Equal("Content-Type", problem.Where);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_refused()
    {
        using var content = new MemoryStream([0x40, 0x70, 0xC3, 0x28]);
        var problem = await Assert.ThrowsAsync<ImportFileException>(async () =>
        {
            await foreach (var _ in CatalogHarvest.ReadAsync(content, "text/turtle", new HarvestContext()))
            {
            }
        });

        Assert.Contains("UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_json_sent_as_json_ld_is_read_as_the_data_json_it_declares_itself()
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(Catalogues.Fixture("gsa-data.json")));
        var rows = new List<ImportEntry>();
        await foreach (var entry in CatalogHarvest.ReadAsync(content, "application/ld+json", new HarvestContext()))
        {
            rows.Add(entry);
        }

        Assert.Equal(["gsa-2020-04-01-01", "gsa-2015-02-26-1"], rows.Select(r => r.DatasetId));
    }
}
