namespace Census.Exchange.Harvest.Rdf;

/// <summary>The active context while a JSON-LD document is read; every change makes a new one.</summary>
public sealed record JsonLdContext
{
    public IReadOnlyDictionary<string, JsonLdTerm> Terms { get; init; } = new Dictionary<string, JsonLdTerm>(StringComparer.Ordinal);

    public string? Vocab { get; init; }

    public string? Base { get; init; }

    public string? Language { get; init; }

    /// <summary>The context before a type-scoped context applied: the one nested nodes are read with.</summary>
    public JsonLdContext? Previous { get; init; }

    /// <summary>Set once the document names a remote context this build does not bundle: the DCAT fall-back terms apply.</summary>
    public bool UsesFallback { get; init; }
}
