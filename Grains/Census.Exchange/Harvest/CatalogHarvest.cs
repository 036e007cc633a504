using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Census.Exchange.Harvest.Rdf;
using Census.Exchange.Imports;

namespace Census.Exchange.Harvest;

/// <summary>
/// Harvest (intake-exchange.md): a DCAT-AP catalogue (JSON-LD or Turtle) or a data.json → one pre-filled
/// import row per dataset, in the catalogue's order (<see cref="ImportEntry.Row"/> = the dataset's 1-based
/// position). A row's errors name every required field the catalogue cannot fill and any unusable
/// identifier; two datasets whose identifiers normalise to one id are both in error. A document that is no
/// catalogue (not parseable, no dataset, too large) throws <see cref="ImportFileException"/> naming where.
/// The whole document is read before the first row is given: RDF says nothing in document order, so a
/// dataset's statements may be anywhere in it.
/// </summary>
public static class CatalogHarvest
{
    public const long MaxBytes = ImportReader.MaxBytes;
    public const int MaxDatasets = ImportReader.MaxRows;

    /// <summary>The catalogue format a Content-Type names; false when it names none the harvest reads (a 415).</summary>
    public static bool TryParseFormat(string? contentType, out HarvestFormat format)
    {
        format = default;
        switch (contentType?.Split(';')[0].Trim().ToLowerInvariant())
        {
            case "application/ld+json":
                format = HarvestFormat.DcatJsonLd;
                return true;
            case "text/turtle" or "application/x-turtle":
                format = HarvestFormat.DcatTurtle;
                return true;
            case "application/json":
                format = HarvestFormat.DataJson;
                return true;
            default:
                return false;
        }
    }

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream content, string? contentType, HarvestContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!TryParseFormat(contentType, out var format))
        {
            throw new ImportFileException(
                $"A harvest reads application/ld+json or text/turtle (DCAT-AP) or application/json (data.json), not \"{contentType}\".", "Content-Type");
        }

        var text = await ReadTextAsync(content, cancellationToken);
        foreach (var entry in Read(text, format, context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return entry;
        }
    }

    /// <summary>Harvests a whole document already in memory.</summary>
    public static IReadOnlyList<ImportEntry> Read(string text, HarvestFormat format, HarvestContext context)
    {
        var datasets = Datasets(text, format, context);
        if (datasets.Count == 0)
        {
            throw new ImportFileException(format == HarvestFormat.DataJson
                ? "The data.json lists no dataset."
                : "The document is RDF but describes no dataset (nothing has rdf:type dcat:Dataset).");
        }

        if (datasets.Count > MaxDatasets)
        {
            throw new ImportFileException($"The catalogue has more than {MaxDatasets} datasets.");
        }

        var entries = datasets.Select((dataset, i) => HarvestMapping.Map(i + 1, dataset, context)).ToList();
        return SameIdsInError(entries);
    }

    private static IReadOnlyList<CatalogDataset?> Datasets(string text, HarvestFormat format, HarvestContext context)
    {
        try
        {
            switch (format)
            {
                case HarvestFormat.DcatTurtle:
                    return DcatCatalog.Datasets(TurtleReader.Read(text, context.BaseIri));
                case HarvestFormat.DataJson:
                    return DataJsonCatalog.Datasets(ParseJson(text));
                default:
                    var root = ParseJson(text);
                    return DataJsonCatalog.DeclaresItself(root)
                        ? DataJsonCatalog.Datasets(root)
                        : DcatCatalog.Datasets(JsonLdReader.Read(text, context.BaseIri));
            }
        }
        catch (RdfSyntaxException e)
        {
            throw new ImportFileException(e.Message, e.Where);
        }
    }

    private static JsonElement ParseJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ImportFileException($"Not valid JSON: {e.Message}", $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}");
        }
    }

    // A datasetId twice would make two rows write one dataset: both rows are in error, each naming the other.
    private static List<ImportEntry> SameIdsInError(List<ImportEntry> entries)
    {
        var rowsById = entries.Where(e => e.DatasetId is not null)
            .GroupBy(e => e.DatasetId!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Row).ToList(), StringComparer.Ordinal);
        return [.. entries.Select(entry =>
        {
            if (entry.DatasetId is not { } id || !rowsById.TryGetValue(id, out var rows))
            {
                return entry;
            }

            var others = string.Join(", ", rows.Where(r => r != entry.Row));
            var error = new ImportRowError(entry.Row, id, "datasetId",
                $"is the same as row {others} after normalising the catalogue's identifiers to \"{id}\"; give each dataset its own id.");
            return entry with { Errors = [error, .. entry.Errors] };
        })];
    }

    private static async Task<string> ReadTextAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImportFileException($"The catalogue is larger than {MaxBytes / (1024 * 1024)} MiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFileException("A catalogue must be UTF-8 text (Turtle, JSON-LD and JSON are).", $"byte {e.Index}");
        }
    }
}
