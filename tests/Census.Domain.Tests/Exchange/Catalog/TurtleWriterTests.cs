using Census.Exchange.Catalog.Rdf;

namespace Census.Domain.Tests.Exchange.Catalog;

public sealed class TurtleWriterTests
{
    private static readonly RdfIri Subject = new("https://census.example.kr/d/1");
    private static readonly RdfIri Title = new("http://purl.org/dc/terms/title");

    private static string Write(RdfTerm value) => TurtleWriter.Write(new RdfGraph().Add(Subject, Title, value));

    [Fact]
    public void Quotes_backslashes_line_breaks_tabs_and_control_characters_are_escaped()
    {
        var turtle = Write(new RdfLiteral("say \"hi\"\\ \r\n\t\u0007\u007f end"));

        Assert.Contains("dct:title \"say \\\"hi\\\"\\\\ \\r\\n\\t\\u0007\\u007F end\" .", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ASCII_text_is_written_as_is_with_its_language_tag()
    {
        Assert.Contains("\"대기질 — 측정\"@ko", Write(RdfLiteral.Text("대기질 — 측정", "ko")), StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_literals_carry_their_datatype()
    {
        Assert.Contains("\"2027-03-31\"^^xsd:date", Write(RdfLiteral.Date(new DateOnly(2027, 3, 31))), StringComparison.Ordinal);
        Assert.Contains("\"2027-03-31T23:59:59Z\"^^xsd:dateTime",
            Write(RdfLiteral.DateTime(new DateTimeOffset(2027, 4, 1, 8, 59, 59, TimeSpan.FromHours(9)))), StringComparison.Ordinal);
        Assert.Contains("\"72.0\"^^xsd:decimal", Write(RdfLiteral.Number(72m)), StringComparison.Ordinal);
        Assert.Contains("\"72.25\"^^xsd:decimal", Write(RdfLiteral.Number(72.250m)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_IRI_with_characters_IRIREF_forbids_is_escaped_and_never_abbreviated()
    {
        var turtle = Write(new RdfIri("http://purl.org/dc/terms/a b>c"));

        Assert.Contains("<http://purl.org/dc/terms/a\\u0020b\\u003Ec>", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_statements_use_a_and_known_namespaces_are_abbreviated()
    {
        var turtle = TurtleWriter.Write(new RdfGraph().Add(Subject, Vocabulary.RdfSyntax.Type, Vocabulary.Dcat.Dataset));

        Assert.Contains("<https://census.example.kr/d/1>\n    a dcat:Dataset .", turtle, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_language_tag_is_refused_rather_than_written()
    {
        Assert.Throws<ArgumentException>(() => Write(RdfLiteral.Text("x", "ko KR")));
    }
}
