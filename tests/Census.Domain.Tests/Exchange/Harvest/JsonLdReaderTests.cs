using Census.Exchange.Harvest.Rdf;

namespace Census.Domain.Tests.Exchange.Harvest;

public sealed class JsonLdReaderTests
{
    private const string Ex = "http://example.org/";
    private const string Dct = "http://purl.org/dc/terms/";

    private static RdfTerm I(string local) => RdfTerm.Iri(Ex + local);

    private static IReadOnlyList<RdfTriple> Read(string json, string? baseIri = null) => JsonLdReader.Read(json, baseIri).Triples;

    [Fact]
    public void Compact_iris_expand_by_the_prefixes_of_an_inline_context()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "dct": "http://purl.org/dc/terms/" },
              "@id": "ex:s", "@type": "ex:T", "dct:title": "제목" }
            """);

        Assert.Equal(
            [new RdfTriple(I("s"), RdfTerm.Iri(RdfNames.Type), I("T")), new RdfTriple(I("s"), RdfTerm.Iri(Dct + "title"), RdfTerm.Literal("제목"))],
            triples);
    }

    [Fact]
    public void The_expanded_form_needs_no_context()
    {
        var triples = Read("""
            [ { "@id": "http://example.org/s", "@type": [ "http://example.org/T" ],
                "http://purl.org/dc/terms/title": [ { "@value": "제목" } ] } ]
            """);

        Assert.Equal(
            [new RdfTriple(I("s"), RdfTerm.Iri(RdfNames.Type), I("T")), new RdfTriple(I("s"), RdfTerm.Iri(Dct + "title"), RdfTerm.Literal("제목"))],
            triples);
    }

    [Fact]
    public void An_array_of_contexts_applies_in_order_and_later_terms_win()
    {
        var triples = Read("""
            { "@context": [ { "ex": "http://example.org/", "name": "ex:old" }, { "name": "ex:new" } ],
              "@id": "ex:s", "name": "x" }
            """);

        Assert.Equal(I("new"), Assert.Single(triples).Predicate);
    }

    [Fact]
    public void Terms_and_types_without_a_colon_use_the_vocab()
    {
        var triples = Read("""
            { "@context": { "@vocab": "http://example.org/" }, "@id": "http://example.org/s", "@type": "Dataset", "title": "x" }
            """);

        Assert.Equal([I("Dataset"), RdfTerm.Literal("x")], triples.Select(t => t.Value));
        Assert.Equal(I("title"), triples[1].Predicate);
    }

    [Fact]
    public void Ids_resolve_against_the_context_base_or_the_document_base()
    {
        var triples = Read("""
            { "@graph": [
                { "@id": "a", "http://example.org/p": { "@id": "../b" } },
                { "@context": { "@base": "http://other.org/x/" }, "@id": "c", "http://example.org/p": "v" } ] }
            """, "http://example.org/dir/doc");

        Assert.Equal(new RdfTriple(I("dir/a"), I("p"), I("b")), triples[0]);
        Assert.Equal(RdfTerm.Iri("http://other.org/x/c"), triples[1].Subject);
    }

    [Fact]
    public void A_term_coerced_to_id_or_vocab_makes_iris_of_strings()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "@vocab": "http://example.org/v/",
                "theme": { "@id": "ex:theme", "@type": "@id" }, "kind": { "@id": "ex:kind", "@type": "@vocab" } },
              "@id": "ex:s", "theme": [ "ex:ENVI", "http://example.org/GOVE" ], "kind": "Open" }
            """);

        Assert.Equal([I("ENVI"), I("GOVE"), I("v/Open")], triples.Select(t => t.Value));
    }

    [Fact]
    public void Datatype_and_language_come_from_the_term_the_context_or_the_value_object()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "xsd": "http://www.w3.org/2001/XMLSchema#", "@language": "ko",
                "modified": { "@id": "ex:modified", "@type": "xsd:date" }, "code": { "@id": "ex:code", "@language": null },
                "en": { "@id": "ex:en", "@language": "en" } },
              "@id": "ex:s", "modified": "2024-01-02", "code": "A1", "en": "Title", "ex:ko": "제목",
              "ex:value": { "@value": "Titel", "@language": "de" }, "ex:typed": { "@value": "5", "@type": "xsd:integer" },
              "ex:n": 3, "ex:d": 2.5, "ex:b": true }
            """);

        Assert.Equal(
            [
                RdfTerm.Literal("2024-01-02", datatype: RdfNames.Xsd + "date"), RdfTerm.Literal("A1"), RdfTerm.Literal("Title", "en"),
                RdfTerm.Literal("제목", "ko"), RdfTerm.Literal("Titel", "de"), RdfTerm.Literal("5", datatype: RdfNames.XsdInteger),
                RdfTerm.Literal("3", datatype: RdfNames.XsdInteger), RdfTerm.Literal("2.5E0", datatype: RdfNames.XsdDouble),
                RdfTerm.Literal("true", datatype: RdfNames.XsdBoolean),
            ],
            triples.Select(t => t.Value));
    }

    [Fact]
    public void Nested_node_objects_and_blank_node_ids_link_nodes()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/" },
              "@graph": [
                { "@id": "ex:s", "ex:contact": { "ex:email": "a@b.kr" }, "ex:publisher": { "@id": "_:pub" } },
                { "@id": "_:pub", "ex:name": "Agency" } ] }
            """);

        var contact = Assert.Single(triples, t => t.Predicate == I("contact")).Value;
        Assert.Equal(RdfTermKind.BlankNode, contact.Kind);
        Assert.Contains(new RdfTriple(contact, I("email"), RdfTerm.Literal("a@b.kr")), triples);
        var publisher = Assert.Single(triples, t => t.Predicate == I("publisher")).Value;
        Assert.Contains(new RdfTriple(publisher, I("name"), RdfTerm.Literal("Agency")), triples);
    }

    [Fact]
    public void Lists_become_rdf_lists_and_sets_are_their_items()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "ordered": { "@id": "ex:ordered", "@container": "@list" } },
              "@id": "ex:s", "ordered": [ "a", "b" ], "ex:inline": { "@list": [] }, "ex:set": { "@set": [ "x" ] } }
            """);

        var head = Assert.Single(triples, t => t.Predicate == I("ordered")).Value;
        Assert.Contains(new RdfTriple(head, RdfTerm.Iri(RdfNames.First), RdfTerm.Literal("a")), triples);
        var second = Assert.Single(triples, t => t.Subject == head && t.Predicate.Value == RdfNames.Rest).Value;
        Assert.Contains(new RdfTriple(second, RdfTerm.Iri(RdfNames.First), RdfTerm.Literal("b")), triples);
        Assert.Contains(new RdfTriple(second, RdfTerm.Iri(RdfNames.Rest), RdfTerm.Iri(RdfNames.Nil)), triples);
        Assert.Contains(new RdfTriple(I("s"), I("inline"), RdfTerm.Iri(RdfNames.Nil)), triples);
        Assert.Contains(new RdfTriple(I("s"), I("set"), RdfTerm.Literal("x")), triples);
    }

    [Fact]
    public void Keyword_aliases_and_language_maps_read_as_their_keywords()
    {
        var triples = Read("""
            { "@context": { "iri": "@id", "typ": "@type", "ex": "http://example.org/",
                "název": { "@id": "ex:title", "@container": "@language" } },
              "iri": "ex:s", "typ": "ex:T", "název": { "cs": "Číselník", "en": [ "Codelist" ] } }
            """);

        Assert.Equal(
            [I("T"), RdfTerm.Literal("Číselník", "cs"), RdfTerm.Literal("Codelist", "en")],
            triples.Select(t => t.Value));
        Assert.All(triples, t => Assert.Equal(I("s"), t.Subject));
    }

    [Fact]
    public void A_context_url_falls_back_on_well_known_prefixes_and_dcat_terms()
    {
        var triples = Read("""
            { "@context": "https://example.org/some-remote-context.jsonld",
              "id": "https://data.example.kr/ds/1", "type": "Dataset", "title": "도로 현황",
              "theme": "http://publications.europa.eu/resource/authority/data-theme/TRAN", "dct:issued": "2024-01-01" }
            """);

        Assert.Equal(
            [
                (RdfNames.Type, RdfTerm.Iri(RdfNames.Dcat + "Dataset")),
                (Dct + "title", RdfTerm.Literal("도로 현황")),
                (RdfNames.Dcat + "theme", RdfTerm.Iri("http://publications.europa.eu/resource/authority/data-theme/TRAN")),
                (Dct + "issued", RdfTerm.Literal("2024-01-01")),
            ],
            triples.Select(t => (t.Predicate.Value, t.Value)));
    }

    [Fact]
    public void A_type_scoped_context_applies_to_its_node_but_not_to_nested_nodes()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/",
                "Dataset": { "@id": "ex:Dataset", "@context": { "title": "ex:title", "contact": { "@id": "ex:contact" } } } },
              "@id": "ex:s", "@type": "Dataset", "title": "kept",
              "contact": { "@id": "ex:c", "title": "dropped", "ex:name": "kept too" } }
            """);

        Assert.Contains(new RdfTriple(I("s"), I("title"), RdfTerm.Literal("kept")), triples);
        Assert.Contains(new RdfTriple(I("c"), I("name"), RdfTerm.Literal("kept too")), triples);
        Assert.DoesNotContain(triples, t => t.Value.Value == "dropped");
    }

    [Theory]
    [InlineData("https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld", "Dataset", "modificationDate")]
    [InlineData("https://semiceu.github.io/DCAT-AP/releases/3.0.0/context/dcat-ap.jsonld", "Dataset", "Dataset.modificationDate")]
    public void The_dcat_ap_3_contexts_are_bundled(string url, string type, string modified)
    {
        var triples = Read($$"""
            { "@context": "{{url}}", "@id": "https://data.example.kr/ds/1", "@type": "{{type}}", "{{modified}}": "2024-01-01" }
            """);

        Assert.Equal(
            [(RdfNames.Type, RdfTerm.Iri(RdfNames.Dcat + "Dataset")), (Dct + "modified", RdfTerm.Literal("2024-01-01"))],
            triples.Select(t => (t.Predicate.Value, t.Value)));
    }

    [Fact]
    public void Keys_that_name_no_iri_are_dropped()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "gone": null }, "@id": "ex:s", "__comment": "x", "gone": "y", "ex:kept": "z" }
            """);

        Assert.Equal(I("kept"), Assert.Single(triples).Predicate);
    }

    [Fact]
    public void A_reverse_property_points_from_the_value_to_the_node()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/", "inCatalog": { "@reverse": "ex:dataset" } },
              "@id": "ex:ds", "inCatalog": { "@id": "ex:catalog" } }
            """);

        Assert.Equal([new RdfTriple(I("catalog"), I("dataset"), I("ds"))], triples);
    }

    [Fact]
    public void Every_item_of_a_set_or_a_nested_array_is_a_value()
    {
        var triples = Read("""
            { "@context": { "ex": "http://example.org/" }, "@id": "ex:s", "ex:set": { "@set": [ "a", "b" ] }, "ex:nested": [ [ "c", "d" ], "e" ] }
            """);

        Assert.Equal(["a", "b", "c", "d", "e"], triples.Select(t => t.Value.Value));
    }

    [Fact]
    public void A_number_beyond_the_range_of_a_double_is_kept_as_written()
    {
        var triples = Read("""{ "@id": "http://example.org/s", "http://example.org/big": 1e400 }""");

        Assert.Equal(RdfTerm.Literal("1e400", datatype: RdfNames.XsdDouble), Assert.Single(triples).Value);
    }

    [Theory]
    [InlineData("{ \"@id\": ", 1)]
    [InlineData("<html>", 1)]
    [InlineData("\"just a string\"", 0)]
    public void A_document_that_is_not_json_ld_is_a_syntax_error(string json, int line)
    {
        var error = Assert.Throws<RdfSyntaxException>(() => JsonLdReader.Read(json));

        Assert.Equal(line, error.Line);
    }
}
