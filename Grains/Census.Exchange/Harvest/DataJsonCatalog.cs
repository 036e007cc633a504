using System.Text.Json;
using Census.Exchange.Imports;

namespace Census.Exchange.Harvest;

/// <summary>
/// The datasets of a Project Open Data 1.1 <c>data.json</c> (its <c>dataset</c> array, in order), as
/// <see cref="CatalogDataset"/>s. Fields of the wrong JSON type are treated as absent: the mapping then
/// reports the survey fields they would have filled.
/// </summary>
public static class DataJsonCatalog
{
    /// <summary>True when the JSON is a POD catalogue (it says so in <c>conformsTo</c>), whatever its media type.</summary>
    public static bool DeclaresItself(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("conformsTo", out var conformsTo)
        && conformsTo.ValueKind == JsonValueKind.String
        && conformsTo.GetString()!.Contains("project-open-data.cio.gov", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<CatalogDataset?> Datasets(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("dataset", out var datasets) || datasets.ValueKind != JsonValueKind.Array)
        {
            throw new ImportFileException("A data.json must be an object with a \"dataset\" array (Project Open Data 1.1).", "dataset");
        }

        return [.. datasets.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Object ? Dataset(d) : null)];
    }

    private static CatalogDataset Dataset(JsonElement dataset)
    {
        var distributions = Array(dataset, "distribution").Where(d => d.ValueKind == JsonValueKind.Object).ToList();
        var temporal = Text(dataset, "temporal")?.Split('/');
        return new CatalogDataset
        {
            Identifier = Text(dataset, "identifier"),
            Title = Text(dataset, "title")?.Trim(),
            Description = Text(dataset, "description")?.Trim(),
            Keywords = [.. Texts(dataset, "keyword")],
            Themes = [.. Texts(dataset, "theme")],
            Licenses = Text(dataset, "license") is { } licence ? [licence] : [],
            Formats = [.. distributions.Select(d => Text(d, "format") ?? Text(d, "mediaType")).OfType<string>()],
            Frequency = Text(dataset, "accrualPeriodicity"),
            Modified = Text(dataset, "modified"),
            TemporalStart = temporal is { Length: 2 } ? temporal[0] : null,
            TemporalEnd = temporal is { Length: 2 } ? temporal[1] : null,
            Emails = dataset.TryGetProperty("contactPoint", out var contact) && contact.ValueKind == JsonValueKind.Object && Text(contact, "hasEmail") is { } email
                ? [email]
                : [],
        };
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()
            : null;

    private static List<JsonElement> Array(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    // Keywords and themes are arrays of strings; some catalogues write one string instead.
    private static IEnumerable<string> Texts(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? [value.GetString()!]
            : Array(item, name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
}
