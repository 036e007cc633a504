namespace Census.Exchange.Harvest.Rdf;

/// <summary>One statement; <see cref="Value"/> is what RDF calls its object. <see cref="Predicate"/> is always an IRI.</summary>
public sealed record RdfTriple(RdfTerm Subject, RdfTerm Predicate, RdfTerm Value)
{
    public override string ToString() => $"{Subject} {Predicate} {Value} .";
}
