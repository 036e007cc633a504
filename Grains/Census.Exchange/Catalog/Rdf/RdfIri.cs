namespace Census.Exchange.Catalog.Rdf;

/// <summary>An absolute IRI.</summary>
public sealed record RdfIri(string Value) : RdfTerm
{
    public override string ToString() => Value;
}
