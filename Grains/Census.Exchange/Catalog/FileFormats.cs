namespace Census.Exchange.Catalog;

/// <summary>
/// A survey's format names (free text, e.g. <c>csv</c>, <c>.JPG</c>) → the EU file-type authority code
/// (dct:format) and the IANA media type (dcat:mediaType, Croissant's encodingFormat), where one is known.
/// Only entries that exist in both registries' published lists are here; an unknown format keeps its name.
/// </summary>
public static class FileFormats
{
    public const string FileTypeScheme = "http://publications.europa.eu/resource/authority/file-type";
    public const string IanaMediaTypes = "https://www.iana.org/assignments/media-types/";

    /// <summary>One known format: its EU file-type code (null when the authority has none) and media type.</summary>
    public sealed record Known(string? FileType, string? MediaType);

    private static readonly Dictionary<string, Known> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csv"] = new("CSV", "text/csv"),
        ["tsv"] = new("TSV", "text/tab-separated-values"),
        ["json"] = new("JSON", "application/json"),
        ["jsonld"] = new("JSON_LD", "application/ld+json"),
        ["xml"] = new("XML", "application/xml"),
        ["parquet"] = new("PARQUET", "application/vnd.apache.parquet"),
        ["geojson"] = new("GEOJSON", "application/geo+json"),
        ["gpkg"] = new("GPKG", "application/geopackage+sqlite3"),
        ["shp"] = new("SHP", null),
        ["netcdf"] = new("NETCDF", null),
        ["txt"] = new("TXT", "text/plain"),
        ["html"] = new("HTML", "text/html"),
        ["pdf"] = new("PDF", "application/pdf"),
        ["png"] = new("PNG", "image/png"),
        ["jpg"] = new("JPEG", "image/jpeg"),
        ["jpeg"] = new("JPEG", "image/jpeg"),
        ["tiff"] = new("TIFF", "image/tiff"),
        ["webp"] = new("WEBP", "image/webp"),
        ["mp4"] = new("MP4", "video/mp4"),
        ["xlsx"] = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ["xls"] = new("XLS", "application/vnd.ms-excel"),
        ["zip"] = new("ZIP", "application/zip"),
        ["ttl"] = new("RDF_TURTLE", "text/turtle"),
        ["md"] = new(null, "text/markdown"),
        ["flac"] = new(null, "audio/flac"),
        ["ogg"] = new(null, "audio/ogg"),
        ["dicom"] = new(null, "application/dicom"),
    };

    /// <summary>The format as the rubric compares it: trimmed, without a leading dot.</summary>
    public static string Normalize(string format) => format.Trim().TrimStart('.');

    public static Known? Find(string format) => ByName.GetValueOrDefault(Normalize(format));

    public static string FileTypeIri(string code) => FileTypeScheme + "/" + code;

    public static string MediaTypeIri(string mediaType) => IanaMediaTypes + mediaType;
}
