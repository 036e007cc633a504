namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// One RDF term. A literal's <see cref="Datatype"/> is null for a plain string (<c>xsd:string</c> is folded
/// into null so <c>"x"</c> and <c>"x"^^xsd:string</c> are one term, as RDF 1.1 says) and for a language-tagged
/// string, whose <see cref="Language"/> is kept lower-case (tags compare case-insensitively).
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Language = null, string? Datatype = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public bool IsIri => Kind == RdfTermKind.Iri;

    public bool IsLiteral => Kind == RdfTermKind.Literal;

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    public static RdfTerm Blank(string id) => new(RdfTermKind.BlankNode, id);

    public static RdfTerm Literal(string value, string? language = null, string? datatype = null)
    {
        if (!string.IsNullOrEmpty(language))
        {
            return new RdfTerm(RdfTermKind.Literal, value, language.ToLowerInvariant());
        }

        return new RdfTerm(RdfTermKind.Literal, value, null, datatype is XsdString or RdfLangString ? null : datatype);
    }

    public override string ToString() => Kind switch
    {
        RdfTermKind.Iri => $"<{Value}>",
        RdfTermKind.BlankNode => $"_:{Value}",
        _ when Language is not null => $"\"{Value}\"@{Language}",
        _ when Datatype is not null => $"\"{Value}\"^^<{Datatype}>",
        _ => $"\"{Value}\"",
    };
}
