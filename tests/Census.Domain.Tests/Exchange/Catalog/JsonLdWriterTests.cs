using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Exchange.Catalog.Rdf;

namespace Census.Domain.Tests.Exchange.Catalog;

public sealed class JsonLdWriterTests
{
    private static readonly RdfIri Subject = new("https://census.example.kr/d/1");

    private static JsonObject Node(RdfIri predicate, RdfTerm value)
    {
        var document = JsonNode.Parse(JsonLdWriter.Write(new RdfGraph().Add(Subject, predicate, value)))!;
        return document["@graph"]![0]!.AsObject();
    }

    [Fact]
    public void The_context_is_inline_and_only_maps_prefixes()
    {
        var document = JsonNode.Parse(JsonLdWriter.Write(new RdfGraph()))!;

        var context = document["@context"]!.AsObject();
        Assert.Equal("http://www.w3.org/ns/dcat#", context["dcat"]!.GetValue<string>());
        Assert.All(context, p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
    }

    [Fact]
    public void Literals_are_explicit_value_objects_with_language_or_datatype()
    {
        var title = Node(Vocabulary.Dct.Title, RdfLiteral.Text("제목", "ko"))["dct:title"]![0]!;
        var issued = Node(Vocabulary.Dct.Issued, RdfLiteral.Date(new DateOnly(2027, 1, 2)))["dct:issued"]![0]!;

        Assert.Equal("제목", title["@value"]!.GetValue<string>());
        Assert.Equal("ko", title["@language"]!.GetValue<string>());
        Assert.Equal("2027-01-02", issued["@value"]!.GetValue<string>());
        Assert.Equal("xsd:date", issued["@type"]!.GetValue<string>());
    }

    [Fact]
    public void IRIs_are_node_references_with_the_full_IRI_and_types_go_to_type()
    {
        var graph = new RdfGraph()
            .Add(Subject, Vocabulary.RdfSyntax.Type, Vocabulary.Dcat.Dataset)
            .Add(Subject, Vocabulary.Dct.License, new RdfIri("https://creativecommons.org/licenses/by/4.0/"));
        var node = JsonNode.Parse(JsonLdWriter.Write(graph))!["@graph"]![0]!;

        Assert.Equal("dcat:Dataset", node["@type"]![0]!.GetValue<string>());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", node["dct:license"]![0]!["@id"]!.GetValue<string>());
        Assert.Null(node["rdf:type"]);
    }
}
