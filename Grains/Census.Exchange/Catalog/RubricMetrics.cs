namespace Census.Exchange.Catalog;

/// <summary>
/// The DQV metrics the catalogue defines once and every dataset's measurements refer to: the two scores of
/// rubric.md (0..100) and one metric per criterion (its level, 0..4), named as rubric.md names them.
/// </summary>
public static class RubricMetrics
{
    /// <summary>A metric: its key (the last segment of its IRI), label, definition and whether its values are levels.</summary>
    public sealed record Metric(string Key, string Label, string Definition, bool IsLevel);

    public static readonly Metric ScoreNow = new(
        "score-now", "AI training usability score, now",
        "The ATUS score (0..100, a multiple of 0.25) of the data as held today, under the selection's rubric version.", false);

    public static readonly Metric ScorePost = new(
        "score-post", "AI training usability score, after processing",
        "The ATUS score (0..100, a multiple of 0.25) after the institution's declared processing plan, under the selection's rubric version.", false);

    public static readonly IReadOnlyList<Metric> Criteria =
    [
        Level("c1", "data type and structure (machine-actionability)"),
        Level("c2", "annotation / label status"),
        Level("c3", "volume"),
        Level("c4", "purpose of collection and provenance"),
        Level("c5", "scope of availability"),
        Level("c6", "licence and reuse rights"),
        Level("c7", "personal data and de-identification"),
        Level("c8", "measured quality"),
        Level("c9", "documentation completeness"),
        Level("c10", "timeliness and maintenance"),
    ];

    public static IEnumerable<Metric> All => [ScoreNow, ScorePost, .. Criteria];

    private static Metric Level(string key, string name) => new(
        key, $"{key.ToUpperInvariant()} {name}",
        $"The level (0..4) of rubric criterion {key.ToUpperInvariant()}, {name}; each dataset has two measurements, its level now and after processing.", true);
}
