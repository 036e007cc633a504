namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// A set of triples in the order they were first read (a duplicate is kept once), indexed by subject.
/// The order is the document's, so whatever is derived from the graph is deterministic for one document.
/// </summary>
public sealed class RdfGraph
{
    private readonly List<RdfTriple> _triples = [];
    private readonly HashSet<RdfTriple> _seen = [];
    private readonly Dictionary<RdfTerm, List<RdfTriple>> _bySubject = [];

    public IReadOnlyList<RdfTriple> Triples => _triples;

    public void Add(RdfTriple triple)
    {
        if (!_seen.Add(triple))
        {
            return;
        }

        _triples.Add(triple);
        if (!_bySubject.TryGetValue(triple.Subject, out var list))
        {
            list = [];
            _bySubject.Add(triple.Subject, list);
        }

        list.Add(triple);
    }

    public void Add(RdfTerm subject, RdfTerm predicate, RdfTerm value) => Add(new RdfTriple(subject, predicate, value));

    /// <summary>The objects of <paramref name="subject"/>'s <paramref name="predicate"/> statements, in document order.</summary>
    public IEnumerable<RdfTerm> Objects(RdfTerm subject, string predicate) =>
        _bySubject.TryGetValue(subject, out var list)
            ? list.Where(t => t.Predicate.Value == predicate).Select(t => t.Value)
            : [];

    /// <summary>The objects of <paramref name="subject"/>'s statements with any of <paramref name="predicates"/>, predicate by predicate in the order given.</summary>
    public IEnumerable<RdfTerm> Objects(RdfTerm subject, params string[] predicates) =>
        predicates.SelectMany(p => Objects(subject, p));

    /// <summary>Every subject with <c>rdf:type</c> <paramref name="type"/>, in document order.</summary>
    public IEnumerable<RdfTerm> SubjectsOfType(string type) =>
        _triples.Where(t => t.Predicate.Value == RdfNames.Type && t.Value.IsIri && t.Value.Value == type)
            .Select(t => t.Subject)
            .Distinct();

    /// <summary>Every triple with <paramref name="predicate"/>, in document order.</summary>
    public IEnumerable<RdfTriple> WithPredicate(string predicate) => _triples.Where(t => t.Predicate.Value == predicate);
}
