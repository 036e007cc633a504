using System.Text.RegularExpressions;

namespace Census.Exchange.Catalog.Rdf;

/// <summary>The shape of a language tag both Turtle (LANGTAG) and JSON-LD accept.</summary>
public static partial class LanguageTag
{
    public static string Checked(string tag) =>
        Shape().IsMatch(tag) ? tag : throw new ArgumentException($"'{tag}' is not a language tag.", nameof(tag));

    [GeneratedRegex("^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")]
    private static partial Regex Shape();
}
