using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Catalogue;
using Census.Domain.Validation;
using Census.Exchange.Catalog;

namespace Census.ApiGateway.Console.Pages.Catalogue;

/// <summary>
/// A released dataset as a schema.org <c>Dataset</c> for its public page (search engines read it): name, description,
/// licence URL, publisher, one <c>DataDownload</c> per published version with its size and, where every file of the
/// version has one known media type, its encoding format; <c>isAccessibleForFree</c> from the offer when one is set.
/// Written with System.Text.Json and <see cref="JavaScriptEncoder.Default"/>, which escapes <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c> and quotes as <c>\uXXXX</c>: an agency's text can never close the script element it is put in.
/// </summary>
public static class CatalogueJsonLd
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static string Of(CatalogueEntry entry, CatalogOptions options)
    {
        var iris = new CatalogIris(options.BaseUrl);
        var page = iris.ReleasedDataset(entry.InstitutionId, entry.DatasetId);
        var dataset = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Dataset",
            ["@id"] = page,
            ["url"] = page,
            ["identifier"] = CatalogueKeys.Dataset(entry.InstitutionId, entry.DatasetId),
            ["name"] = entry.Title,
            ["description"] = string.IsNullOrWhiteSpace(entry.Description) ? $"{entry.Title} ({Names.Of(entry.Modality)})" : entry.Description,
            ["license"] = EuVocabularies.LicenceOf(entry.License)?.Iri ?? iris.ProprietaryLicence(entry.InstitutionId),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = entry.InstitutionName },
            ["conditionsOfAccess"] = Names.Of(entry.Tier),
            ["distribution"] = new JsonArray([.. entry.Versions.Select(v => (JsonNode)Download(v))]),
        };
        if (entry.Offer is { } offer)
        {
            dataset["isAccessibleForFree"] = offer.Pricing == CataloguePricing.Free;
        }

        return dataset.ToJsonString(Options);
    }

    private static JsonObject Download(CatalogueVersion version)
    {
        var download = new JsonObject
        {
            ["@type"] = "DataDownload",
            ["name"] = version.Version,
            ["version"] = version.Version,
            ["uploadDate"] = version.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["contentSize"] = version.TotalBytes.ToString(CultureInfo.InvariantCulture) + " B",
        };
        var mediaTypes = version.Manifest
            .Select(f => Path.GetExtension(f.Path) is { Length: > 1 } extension ? FileFormats.Find(extension)?.MediaType : null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (mediaTypes is [{ } mediaType])
        {
            download["encodingFormat"] = mediaType;
        }

        return download;
    }
}
