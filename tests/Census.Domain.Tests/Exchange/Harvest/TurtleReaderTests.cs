using Census.Exchange.Harvest.Rdf;

namespace Census.Domain.Tests.Exchange.Harvest;

public sealed class TurtleReaderTests
{
    private const string Ex = "http://example.org/";

    private static RdfTerm I(string local) => RdfTerm.Iri(Ex + local);

    private static IReadOnlyList<RdfTriple> Read(string turtle, string? baseIri = null) => TurtleReader.Read(turtle, baseIri).Triples;

    private static RdfTerm ObjectOf(string turtle, string predicate) =>
        Assert.Single(Read(turtle), t => t.Predicate.Value == Ex + predicate).Value;

    [Fact]
    public void At_prefix_and_sparql_style_PREFIX_in_any_case_declare_prefixes()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            PREFIX ex2: <http://example.org/two/>
            prefix ex3: <http://example.org/three/>
            ex:s ex2:p ex3:o .
            """);

        Assert.Equal([new RdfTriple(I("s"), I("two/p"), I("three/o"))], triples);
    }

    [Fact]
    public void A_prefix_name_may_hold_inner_dots()
    {
        Assert.Equal([new RdfTriple(I("s"), I("p"), I("o"))], Read("@prefix ex.v1: <http://example.org/> . ex.v1:s ex.v1:p ex.v1:o ."));
    }

    [Fact]
    public void An_empty_prefix_is_a_prefix()
    {
        Assert.Equal([new RdfTriple(I("s"), I("p"), I("o"))], Read("@prefix : <http://example.org/> . :s :p :o ."));
    }

    [Fact]
    public void Relative_iris_resolve_against_the_latest_base()
    {
        var triples = Read("""
            <s> <p> <o> .
            @base <http://example.org/a/b/> .
            <../c> <#frag> <d?q=1> .
            BASE <http://other.org/>
            <x> <//host.org/y> </z> .
            """, "http://example.org/doc");

        Assert.Equal(
            [
                new RdfTriple(I("s"), I("p"), I("o")),
                new RdfTriple(I("a/c"), I("a/b/#frag"), I("a/b/d?q=1")),
                new RdfTriple(RdfTerm.Iri("http://other.org/x"), RdfTerm.Iri("http://host.org/y"), RdfTerm.Iri("http://other.org/z")),
            ],
            triples);
    }

    [Fact]
    public void Prefixed_names_take_escapes_percent_codes_digits_colons_and_inner_dots()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            ex:s ex:p ex:a\.b\~c\,d , ex:caf%C3%A9 , ex:1T2p3o4B , ex:x:y , ex:a.b.c.
            """);

        Assert.Equal(["a.b~c,d", "caf%C3%A9", "1T2p3o4B", "x:y", "a.b.c"], triples.Select(t => t.Value.Value[Ex.Length..]));
    }

    [Fact]
    public void A_is_rdf_type_and_semicolons_and_commas_share_subject_and_predicate()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            ex:s a ex:T ; ex:p ex:o1 , ex:o2 ; ; ex:q ex:o3 ; .
            """);

        Assert.Equal(
            [
                new RdfTriple(I("s"), RdfTerm.Iri(RdfNames.Type), I("T")),
                new RdfTriple(I("s"), I("p"), I("o1")),
                new RdfTriple(I("s"), I("p"), I("o2")),
                new RdfTriple(I("s"), I("q"), I("o3")),
            ],
            triples);
    }

    [Fact]
    public void A_blank_node_label_names_one_node_within_the_document()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            _:a ex:p _:b .
            _:b ex:p _:a .
            """);

        Assert.Equal(triples[0].Subject, triples[1].Value);
        Assert.Equal(triples[0].Value, triples[1].Subject);
        Assert.NotEqual(triples[0].Subject, triples[0].Value);
    }

    [Fact]
    public void Bracketed_property_lists_are_fresh_blank_nodes_and_may_nest_or_be_a_subject()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            ex:s ex:contact [ ex:email "a@b.kr" ; ex:phone [ ex:value "1" ] ] , [] .
            [ ex:p ex:o ] .
            [ ex:p ex:o2 ] ex:q ex:o3 .
            """);

        var contacts = triples.Where(t => t.Predicate == I("contact")).Select(t => t.Value).ToList();
        Assert.Equal(2, contacts.Count);
        Assert.All(contacts, c => Assert.Equal(RdfTermKind.BlankNode, c.Kind));
        Assert.NotEqual(contacts[0], contacts[1]);
        Assert.Contains(new RdfTriple(contacts[0], I("email"), RdfTerm.Literal("a@b.kr")), triples);
        Assert.Equal(8, triples.Count);
        var subjectList = Assert.Single(triples, t => t.Value == I("o3")).Subject;
        Assert.Contains(new RdfTriple(subjectList, I("p"), I("o2")), triples);
    }

    [Fact]
    public void Collections_become_rdf_lists_and_the_empty_collection_is_nil()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            ex:s ex:list ( ex:a "b" 3 ) ; ex:none () .
            """);

        Assert.Equal(RdfTerm.Iri(RdfNames.Nil), Assert.Single(triples, t => t.Predicate == I("none")).Value);
        var node = Assert.Single(triples, t => t.Predicate == I("list")).Value;
        var items = new List<RdfTerm>();
        while (node != RdfTerm.Iri(RdfNames.Nil))
        {
            items.Add(Assert.Single(triples, t => t.Subject == node && t.Predicate.Value == RdfNames.First).Value);
            node = Assert.Single(triples, t => t.Subject == node && t.Predicate.Value == RdfNames.Rest).Value;
        }

        Assert.Equal([I("a"), RdfTerm.Literal("b"), RdfTerm.Literal("3", datatype: RdfNames.XsdInteger)], items);
    }

    [Fact]
    public void All_four_string_quotes_read_with_their_escapes()
    {
        var triples = Read(""""
            @prefix ex: <http://example.org/> .
            ex:s ex:p "tab\there \"q\" caf\u00E9 \U0001F600" , 'it\'s' , '''two
            lines with ' and '' inside''' , """a "quoted" word""" .
            """");

        Assert.Equal(
            ["tab\there \"q\" café \U0001F600", "it's", "two\nlines with ' and '' inside", "a \"quoted\" word"],
            triples.Select(t => t.Value.Value));
    }

    [Fact]
    public void A_long_string_may_end_in_quotes()
    {
        Assert.Equal("ends with \"\"", ObjectOf("@prefix ex: <http://example.org/> . ex:s ex:p \"\"\"ends with \"\"\"\"\" .", "p").Value);
    }

    [Fact]
    public void Language_tags_are_kept_lower_case_and_datatypes_expand()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
            ex:s ex:p "제목"@ko-KR , "2021-01-01"^^xsd:date , "x"^^<http://www.w3.org/2001/XMLSchema#string> , "y"^^ex:custom .
            """);

        Assert.Equal(
            [
                RdfTerm.Literal("제목", language: "ko-kr"),
                RdfTerm.Literal("2021-01-01", datatype: RdfNames.Xsd + "date"),
                RdfTerm.Literal("x"),
                RdfTerm.Literal("y", datatype: Ex + "custom"),
            ],
            triples.Select(t => t.Value));
    }

    [Fact]
    public void Numbers_and_booleans_are_typed_literals()
    {
        var triples = Read("""
            @prefix ex: <http://example.org/> .
            ex:s ex:p 42 , -7 , +3.14 , .5 , 1.0e3 , 2E-2 , true , false , 9.
            """);

        Assert.Equal(
            [
                ("42", RdfNames.XsdInteger), ("-7", RdfNames.XsdInteger), ("+3.14", RdfNames.XsdDecimal), (".5", RdfNames.XsdDecimal),
                ("1.0e3", RdfNames.XsdDouble), ("2E-2", RdfNames.XsdDouble), ("true", RdfNames.XsdBoolean), ("false", RdfNames.XsdBoolean),
                ("9", RdfNames.XsdInteger),
            ],
            triples.Select(t => (t.Value.Value, t.Value.Datatype!)));
    }

    [Fact]
    public void Comments_end_at_the_line_but_a_hash_inside_an_iri_or_string_is_text()
    {
        var triples = Read("""
            # a comment
            @prefix ex: <http://example.org/> . # another
            ex:s ex:p <http://example.org/x#y> ; # between
              ex:q "# not a comment" . #last
            """);

        Assert.Equal([I("x#y"), RdfTerm.Literal("# not a comment")], triples.Select(t => t.Value));
    }

    [Theory]
    [InlineData("[ <http://example.org/p> ", " ]")]
    [InlineData("( ", " )")]
    public void Nesting_deeper_than_the_reader_allows_is_a_syntax_error_not_a_crash(string open, string close)
    {
        var nested = string.Concat(Enumerable.Repeat(open, 100_000)) + "<http://example.org/o>" + string.Concat(Enumerable.Repeat(close, 100_000));

        var error = Assert.Throws<RdfSyntaxException>(() => TurtleReader.Read($"<http://example.org/s> <http://example.org/p> {nested} ."));

        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@prefix ex: <http://example.org/> .\nex:s ex:p nope:o .", 2, 11, "prefix 'nope:' is not declared")]
    [InlineData("@prefix ex: <http://example.org/> .\nex:s ex:p \"\"\"unterminated .\n", 3, 1, "ends inside a string")]
    [InlineData("@prefix ex: <http://example.org/> .\n\nex:s ex:p ex:o\nex:t ex:p ex:o .", 4, 1, "Expected '.'")]
    [InlineData("@prefix ex: <http://example.org/> .\nex:s ex:p \"line\nbreak\" .", 2, 16, "line break cannot appear")]
    [InlineData("<!DOCTYPE html>\n<html></html>", 1, 10, "cannot contain a space")]
    public void A_syntax_error_names_its_line_and_column(string turtle, int line, int column, string message)
    {
        var error = Assert.Throws<RdfSyntaxException>(() => TurtleReader.Read(turtle));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
