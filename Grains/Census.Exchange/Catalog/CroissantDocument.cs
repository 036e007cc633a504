using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Census.Domain.Validation;

namespace Census.Exchange.Catalog;

/// <summary>
/// One selected dataset as Croissant 1.0 metadata (JSON-LD) with the Responsible-AI fields the census knows.
/// The files are not released yet, so each distribution is a <c>cr:FileObject</c> naming its format only;
/// <c>contentUrl</c> and <c>sha256</c> are added by the release, which is where the files get addresses.
/// </summary>
public static class CroissantDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Build(SelectionCatalog selection, CatalogDataset dataset, CatalogOptions options)
    {
        var iris = new CatalogIris(options.BaseUrl);
        var record = dataset.Record;
        var page = iris.Dataset(selection.RoundId, dataset.InstitutionId, dataset.DatasetId);
        var licence = EuVocabularies.LicenceOf(record.License!.Value)?.Iri ?? iris.ProprietaryLicence(dataset.InstitutionId);

        var document = new JsonObject
        {
            ["@context"] = CroissantContext.Create(),
            ["@type"] = "sc:Dataset",
            ["@id"] = page,
            ["conformsTo"] = CroissantContext.ConformsTo,
            ["name"] = record.Title,
            ["description"] = string.IsNullOrWhiteSpace(record.Description) ? record.Title : record.Description,
            ["license"] = licence,
            ["url"] = page,
            ["creator"] = new JsonObject
            {
                ["@type"] = "sc:Organization",
                ["@id"] = iris.Institution(dataset.InstitutionId),
                ["name"] = dataset.Publisher.Name,
            },
            ["datePublished"] = selection.FinalizedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            // The survey record's revision at the close: the version of what the census describes.
            ["version"] = $"{dataset.Revision.ToString(CultureInfo.InvariantCulture)}.0.0",
            ["inLanguage"] = "ko",
            ["keywords"] = Strings(record.Keywords ?? []),
            ["distribution"] = Distribution(record),
            ["rai:dataCollection"] = DataCollection(record),
            ["rai:personalSensitiveInformation"] = PersonalSensitiveInformation(record.PersonalData!),
            ["rai:dataPreprocessingProtocol"] = Strings((record.ProcessingPlan ?? []).Select(PlanStep)),
            ["rai:dataLimitations"] = Strings(Limitations(record)),
        };
        if (record.Maintenance?.LastUpdated is { } updated)
        {
            document["dateModified"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return document;
    }

    public static string Write(SelectionCatalog selection, CatalogDataset dataset, CatalogOptions options) =>
        Build(selection, dataset, options).ToJsonString(Indented);

    private static JsonArray Distribution(SurveyRecord record)
    {
        var files = new JsonArray();
        var formats = record.Formats ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var format = FileFormats.Normalize(formats[i]);
            files.Add(new JsonObject
            {
                ["@type"] = "cr:FileObject",
                ["@id"] = $"file-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
                ["name"] = $"{format} (not yet released)",
                ["encodingFormat"] = FileFormats.Find(format)?.MediaType ?? format,
            });
        }

        return files;
    }

    private static string DataCollection(SurveyRecord record)
    {
        var collection = record.Collection!;
        var text = $"Purpose: {Names.Of(collection.Purpose!.Value)}. Provenance documented: {YesNo(collection.ProvenanceDocumented)}. " +
                   $"Digitization: {Names.Of(record.Digitization!.Value)}.";
        return string.IsNullOrWhiteSpace(collection.Method) ? text : $"{text} Method: {collection.Method.Trim()}";
    }

    private static string PersonalSensitiveInformation(SurveyPersonalData personal) =>
        $"Personal data: {Names.Of(personal.Status!.Value)}. Sensitive categories: {YesNo(personal.Sensitive)}. " +
        $"De-identification planned: {YesNo(personal.DeidentificationPlanned)}. Re-identification risk assessed: {YesNo(personal.RiskAssessed)}. " +
        $"Scanned for personal data: {YesNo(personal.ScanVerified)}.";

    private static string PlanStep(ProcessingStep step) => step switch
    {
        ProcessingStep.DeIdentification => "de-identification: personal data removed or pseudonymized before release",
        ProcessingStep.Labeling => "labeling: annotations added to a documented specification",
        ProcessingStep.FormatConversion => "format-conversion: converted to open, machine-readable formats",
        ProcessingStep.Cleansing => "cleansing: errors and inconsistencies corrected",
        ProcessingStep.QualityVerification => "quality-verification: quality measured and verified independently",
        _ => Names.Of(step),
    };

    private static IEnumerable<string> Limitations(SurveyRecord record)
    {
        var availability = record.Availability!;
        yield return $"Availability now: {Names.Of(availability.Now!.Value)}; after processing: {Names.Of(availability.AfterProcessing!.Value)}.";
        if (record.ThirdPartyRights is { } rights && rights != ThirdPartyRights.None)
        {
            yield return $"Third-party rights: {Names.Of(rights)}.";
        }

        var quality = record.Quality!;
        yield return quality.Assessed == true
            ? $"Measured error rate: {quality.ErrorRate?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} (verified: {YesNo(quality.Verified)})."
            : "Quality not measured.";
        if (record.Labeling?.Status is { } labels && labels != LabelingStatus.Full)
        {
            yield return $"Labels: {Names.Of(labels)}.";
        }

        if (record.Coverage is { } coverage && (coverage.From is not null || coverage.To is not null))
        {
            yield return $"Coverage: {coverage.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {coverage.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}.";
        }
    }

    private static string YesNo(bool? value) => value == true ? "yes" : "no";

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
