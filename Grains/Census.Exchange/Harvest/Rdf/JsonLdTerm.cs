using System.Text.Json;

namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// One term of a JSON-LD context. <see cref="Iri"/> null means the term is explicitly undefined (its
/// values are dropped). <see cref="TypeMapping"/> is <c>@id</c>, <c>@vocab</c> or a datatype IRI.
/// </summary>
public sealed record JsonLdTerm(string? Iri)
{
    public string? TypeMapping { get; init; }

    /// <summary>True when the term sets a language (even to none: <see cref="Language"/> null).</summary>
    public bool HasLanguage { get; init; }

    public string? Language { get; init; }

    public IReadOnlySet<string> Containers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool Reverse { get; init; }

    /// <summary>A property-scoped context, applied to this term's values.</summary>
    public JsonElement? ScopedContext { get; init; }
}
