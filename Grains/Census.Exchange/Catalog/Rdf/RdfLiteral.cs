using System.Globalization;

namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// A literal: a plain string, a language-tagged string (<see cref="Language"/>) or a typed value
/// (<see cref="Datatype"/>, an XSD datatype IRI). Never both a language and a datatype.
/// </summary>
public sealed record RdfLiteral(string Value, string? Language = null, string? Datatype = null) : RdfTerm
{
    public static RdfLiteral Text(string value, string language) => new(value, Language: language);

    public static RdfLiteral Date(DateOnly value) =>
        new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Datatype: Xsd.Date);

    public static RdfLiteral DateTime(DateTimeOffset value) =>
        new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Datatype: Xsd.DateTime);

    public static RdfLiteral Number(decimal value) =>
        new(DecimalLexical(value), Datatype: Xsd.DecimalNumber);

    public static RdfLiteral WholeNumber(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture), Datatype: Xsd.WholeNumber);

    public static RdfLiteral NonNegativeInteger(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture), Datatype: Xsd.NonNegativeInteger);

    // xsd:decimal's canonical form has a digit on both sides of the point ("72.0", never "72" or "72.").
    private static string DecimalLexical(decimal value)
    {
        var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }
}
