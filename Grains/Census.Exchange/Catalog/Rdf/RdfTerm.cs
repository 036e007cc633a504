namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// A node or value of an RDF graph. The catalogue names every node with an IRI (no blank nodes), so a
/// consumer can refer to any part of it and both serializations describe exactly the same graph.
/// </summary>
public abstract record RdfTerm;
