using System.Text.Json;

namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// The JSON-LD contexts kept in this assembly (Contexts/README.md), by the URL documents name them with.
/// A URL matches on its path, whatever the host or scheme, so mirrors of the SEMIC site resolve too.
/// </summary>
public static class JsonLdBundledContexts
{
    private static readonly (string PathSuffix, string Resource)[] Known =
    [
        ("/DCAT-AP/releases/3.0.0/context/dcat-ap.jsonld", "dcat-ap-3.0.0.jsonld"),
        ("/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld", "dcat-ap-3.0.1.jsonld"),
    ];

    private static readonly Dictionary<string, Lazy<JsonElement>> Loaded =
        Known.ToDictionary(k => k.Resource, k => new Lazy<JsonElement>(() => Load(k.Resource)), StringComparer.Ordinal);

    /// <summary>The <c>@context</c> value of the bundled document <paramref name="url"/> names, if this build has it.</summary>
    public static bool TryGet(string url, out JsonElement context)
    {
        var path = url.Split('?', '#')[0];
        foreach (var (suffix, resource) in Known)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                context = Loaded[resource].Value;
                return true;
            }
        }

        context = default;
        return false;
    }

    private static JsonElement Load(string resource)
    {
        using var stream = typeof(JsonLdBundledContexts).Assembly.GetManifestResourceStream("Census.Exchange.Harvest.Rdf.Contexts." + resource)
            ?? throw new InvalidOperationException($"The bundled JSON-LD context {resource} is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("@context").Clone();
    }
}
