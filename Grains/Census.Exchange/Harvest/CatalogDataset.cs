namespace Census.Exchange.Harvest;

/// <summary>
/// What a catalogue says about one dataset, as text, before it is mapped to a survey record: the same shape
/// whether it came from DCAT (Turtle or JSON-LD) or a data.json, so one mapping serves every syntax.
/// Lists are in document order; <see cref="Licenses"/> holds, per licence, its IRI followed by what the
/// catalogue declares it equal to (<c>skos:exactMatch</c>, <c>owl:sameAs</c>).
/// </summary>
public sealed record CatalogDataset
{
    /// <summary>The dataset's IRI; null for a blank node or a data.json entry.</summary>
    public string? Iri { get; init; }

    public string? Identifier { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<string> Themes { get; init; } = [];

    public IReadOnlyList<string> Licenses { get; init; } = [];

    /// <summary>Per distribution, its format if it names one, else its media type.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    public string? Frequency { get; init; }

    public string? Modified { get; init; }

    public string? TemporalStart { get; init; }

    public string? TemporalEnd { get; init; }

    public IReadOnlyList<string> Emails { get; init; } = [];
}
