namespace Census.Exchange.Harvest.Rdf;

/// <summary>The three kinds of RDF term.</summary>
public enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
}
