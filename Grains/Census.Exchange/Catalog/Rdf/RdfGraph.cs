namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// A set of triples in the order they were first added (so the output reads subject by subject, in the
/// order the builder described them). Adding a triple twice keeps one.
/// </summary>
public sealed class RdfGraph
{
    private readonly List<RdfTriple> _triples = [];
    private readonly HashSet<RdfTriple> _seen = [];

    public IReadOnlyList<RdfTriple> Triples => _triples;

    public RdfGraph Add(RdfIri subject, RdfIri predicate, RdfTerm value)
    {
        var triple = new RdfTriple(subject, predicate, value);
        if (_seen.Add(triple))
        {
            _triples.Add(triple);
        }

        return this;
    }

    /// <summary>The subjects in first-seen order, each with its statements in the order they were added.</summary>
    public IEnumerable<IGrouping<RdfIri, RdfTriple>> BySubject() => _triples.GroupBy(t => t.Subject);
}
