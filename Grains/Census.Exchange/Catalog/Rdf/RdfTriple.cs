namespace Census.Exchange.Catalog.Rdf;

/// <summary>One statement: subject, predicate, object.</summary>
public sealed record RdfTriple(RdfIri Subject, RdfIri Predicate, RdfTerm Value);
