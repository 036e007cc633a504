using System.Text.Json.Nodes;

namespace Census.Api.Tests.Infrastructure;

/// <summary>
/// SurveyRecord bodies for <c>PUT …/datasets/{datasetId}</c> (api.md "Survey records"). <see cref="Valid"/>
/// sets every required field and a realistic set of optional ones; tests change only what they are
/// about with <see cref="JsonEdits.With"/> and <see cref="JsonEdits.Without"/> (dotted paths:
/// <c>SurveyRecords.Valid().With("quality.errorRate", 1.5)</c>).
/// </summary>
public static class SurveyRecords
{
    /// <summary>The required members, by JSON path under the record, as validation names them (without the <c>record.</c> prefix).</summary>
    public static readonly string[] RequiredPaths =
    [
        "title", "modality", "structure", "digitization", "formats", "volume",
        "collection", "collection.purpose", "collection.provenanceDocumented",
        "availability", "availability.now", "availability.afterProcessing",
        "lawfulToProvide", "license", "thirdPartyRights",
        "personalData", "personalData.status", "personalData.sensitive", "personalData.deidentificationPlanned",
        "personalData.riskAssessed", "personalData.scanVerified",
        "labeling", "labeling.status", "labeling.specDocumented", "labeling.qaReported",
        "quality", "quality.assessed", "quality.verified",
        "documentation", "documentation.dataDictionary", "documentation.datasheet",
        "maintenance", "maintenance.updateFrequency", "maintenance.versioned",
    ];

    /// <summary>
    /// A valid record: every required field, plus description, keywords, coverage, a processing plan
    /// and a contact. No <c>sector</c>: the record takes its institution's. It passes every gate, and its
    /// criteria reach different levels, so a change of weights changes its score.
    /// </summary>
    public static JsonObject Valid(string title = "전국 대기질 측정망 시간별 관측자료") => new()
    {
        ["title"] = title,
        ["description"] = "Hourly PM10, PM2.5, O3 and NO2 readings from the national air-quality monitoring network, 2015 onwards.",
        ["keywords"] = new JsonArray("대기질", "air quality", "PM2.5"),
        ["modality"] = "time-series",
        ["structure"] = "structured",
        ["digitization"] = "digital",
        ["formats"] = new JsonArray("csv", "json"),
        ["volume"] = new JsonObject { ["records"] = 52_000_000, ["bytes"] = 4_300_000_000L },
        ["collection"] = new JsonObject
        {
            ["purpose"] = "administrative",
            ["method"] = "Automatic sensors at 640 stations, uploaded every hour.",
            ["provenanceDocumented"] = true,
        },
        ["availability"] = new JsonObject { ["now"] = "restricted", ["afterProcessing"] = "open" },
        ["lawfulToProvide"] = true,
        ["license"] = "kogl-type1",
        ["thirdPartyRights"] = "none",
        ["personalData"] = new JsonObject
        {
            ["status"] = "none",
            ["sensitive"] = false,
            ["deidentificationPlanned"] = false,
            ["riskAssessed"] = true,
            ["scanVerified"] = false,
        },
        ["labeling"] = new JsonObject { ["status"] = "none", ["specDocumented"] = false, ["qaReported"] = false },
        ["quality"] = new JsonObject { ["assessed"] = true, ["errorRate"] = 0.02, ["verified"] = false },
        ["documentation"] = new JsonObject { ["dataDictionary"] = true, ["datasheet"] = false },
        ["coverage"] = new JsonObject { ["from"] = "2015-01-01", ["to"] = "2026-12-31" },
        ["maintenance"] = new JsonObject { ["updateFrequency"] = "daily", ["lastUpdated"] = "2027-01-15", ["versioned"] = true },
        ["processingPlan"] = new JsonArray("cleansing", "labeling"),
        ["contactEmail"] = "airdata@me.go.kr",
    };

    /// <summary>Only the required members (no description, keywords, sector, coverage, plan or contact).</summary>
    public static JsonObject Minimal() => Valid()
        .Without("description").Without("keywords").Without("coverage").Without("processingPlan")
        .Without("contactEmail").Without("collection.method").Without("maintenance.lastUpdated")
        .Without("quality.errorRate").With("quality.assessed", false).With("volume", new JsonObject());
}
