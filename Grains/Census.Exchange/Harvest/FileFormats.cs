using System.Text.RegularExpressions;

namespace Census.Exchange.Harvest;

/// <summary>
/// A distribution's format or media type → the short, lower-case format name a survey record lists
/// (<c>csv</c>, <c>xlsx</c>, <c>geojson</c>): EU file-type IRIs and codes, IANA media-type IRIs and media
/// types, and plain names (<c>CSV</c>, <c>.xlsx</c>). Null when nothing usable is named (an unknown media
/// type, a phrase rather than a format name).
/// </summary>
public static partial class FileFormats
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.+_-]{0,19}\z", RegexOptions.CultureInvariant)]
    private static partial Regex FormatName();

    private static readonly Dictionary<string, string> ByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/csv"] = "csv",
        ["text/tab-separated-values"] = "tsv",
        ["application/json"] = "json",
        ["application/ld+json"] = "jsonld",
        ["application/geo+json"] = "geojson",
        ["application/vnd.geo+json"] = "geojson",
        ["application/x-ndjson"] = "jsonl",
        ["application/jsonl"] = "jsonl",
        ["application/xml"] = "xml",
        ["text/xml"] = "xml",
        ["application/rdf+xml"] = "rdf",
        ["text/turtle"] = "ttl",
        ["application/n-triples"] = "nt",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "xlsx",
        ["application/vnd.ms-excel"] = "xls",
        ["application/vnd.oasis.opendocument.spreadsheet"] = "ods",
        ["application/msword"] = "doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "docx",
        ["application/pdf"] = "pdf",
        ["application/zip"] = "zip",
        ["application/gzip"] = "gz",
        ["text/html"] = "html",
        ["text/plain"] = "txt",
        ["application/vnd.apache.parquet"] = "parquet",
        ["application/x-parquet"] = "parquet",
        ["application/x-netcdf"] = "netcdf",
        ["application/x-hdf5"] = "hdf5",
        ["application/gml+xml"] = "gml",
        ["application/vnd.google-earth.kml+xml"] = "kml",
        ["application/geopackage+sqlite3"] = "gpkg",
        ["application/x-shapefile"] = "shp",
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/tiff"] = "tiff",
        ["audio/wav"] = "wav",
        ["audio/x-wav"] = "wav",
        ["audio/flac"] = "flac",
        ["video/mp4"] = "mp4",
    };

    // EU file-type codes whose plain lower-case form is not the name people use.
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RDF_TURTLE"] = "ttl",
        ["JSON_LD"] = "jsonld",
        ["RDF_XML"] = "rdf",
        ["RDF_N_TRIPLES"] = "nt",
        ["TAR_GZ"] = "tar.gz",
        ["GZIP"] = "gz",
        ["JPEG"] = "jpg",
        ["TIFF_FX"] = "tiff",
        ["MS_EXCEL"] = "xls",
        ["MS_WORD"] = "doc",
        ["HDF"] = "hdf5",
    };

    public static string? Normalise(string formatOrMediaType)
    {
        var text = formatOrMediaType.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var marker in new[] { "iana.org/assignments/media-types/", "purl.org/NET/mediatypes/" })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return MediaType(text[(at + marker.Length)..]);
            }
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            return Name(text.TrimEnd('/')[(text.TrimEnd('/').LastIndexOf('/') + 1)..]);
        }

        return text.Contains('/', StringComparison.Ordinal) ? MediaType(text) : Name(text);
    }

    private static string? MediaType(string mediaType)
    {
        var bare = mediaType.Split(';')[0].Trim();
        return ByMediaType.TryGetValue(bare, out var name) ? name : null;
    }

    private static string? Name(string code)
    {
        if (ByCode.TryGetValue(code, out var mapped))
        {
            return mapped;
        }

        var name = code.TrimStart('.').ToLowerInvariant().Replace('_', '-');
        return FormatName().IsMatch(name) ? name : null;
    }
}
