using System.Reflection;

namespace Census.ApiGateway.Console;

/// <summary>
/// The console's stylesheet and its one small script, embedded in the gateway's assembly and served from it, so the
/// console needs no content root, no CDN and no static-file folder wherever the gateway runs.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Assets = Load();

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/console/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription();

    private static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("Census.ApiGateway.Console.Assets." + name)
                ?? throw new InvalidOperationException($"The console asset {name} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = (type, copy.ToArray());
        }

        return assets;
    }
}
