using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Testing;

/// <summary>
/// Survey records for tests of every layer: start from one of these and change what the test is about
/// with <c>with { … }</c> (<c>SurveyRecords.Valid() with { Title = "…" }</c>).
/// </summary>
public static class SurveyRecords
{
    /// <summary>A valid record with every field, optional ones included, filled in; middling on the rubric.</summary>
    public static SurveyRecord Valid() => new()
    {
        Title = "전국 대기질 측정 자료",
        Description = "Hourly air-quality measurements from the national monitoring stations.",
        Keywords = ["air quality", "대기질", "PM2.5"],
        Sector = Sector.EnvironmentWeather,
        Modality = Modality.TimeSeries,
        Structure = DataStructure.Structured,
        Digitization = Digitization.Digital,
        Formats = ["csv", "parquet"],
        Volume = new SurveyVolume { Records = 50_000_000, Bytes = 4_000_000_000 },
        Collection = new SurveyCollection
        {
            Purpose = CollectionPurpose.Statistical,
            Method = "Automatic sensors, read hourly.",
            ProvenanceDocumented = true,
        },
        Availability = new SurveyAvailability { Now = AvailabilityScope.Restricted, AfterProcessing = AvailabilityScope.Open },
        LawfulToProvide = true,
        License = License.KoglType1,
        ThirdPartyRights = ThirdPartyRights.None,
        PersonalData = new SurveyPersonalData
        {
            Status = PersonalDataStatus.None,
            Sensitive = false,
            DeidentificationPlanned = false,
            RiskAssessed = false,
            ScanVerified = true,
        },
        Labeling = new SurveyLabeling { Status = LabelingStatus.Partial, SpecDocumented = false, QaReported = false },
        Quality = new SurveyQuality { Assessed = true, ErrorRate = 0.02m, Verified = false },
        Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = false },
        Coverage = new SurveyCoverage { From = new DateOnly(2015, 1, 1), To = new DateOnly(2024, 12, 31) },
        Maintenance = new SurveyMaintenance
        {
            UpdateFrequency = UpdateFrequency.Monthly,
            LastUpdated = new DateOnly(2026, 12, 31),
            Versioned = false,
        },
        ProcessingPlan = [ProcessingStep.Cleansing, ProcessingStep.Labeling],
        ContactEmail = "data@airkorea.or.kr",
    };

    /// <summary>A valid record at level 4 on every criterion, now and post, passing every gate.</summary>
    public static SurveyRecord Perfect() => Valid() with
    {
        Modality = Modality.Tabular,
        Volume = new SurveyVolume { Records = 100_000_000, Bytes = 9_000_000_000 },
        Collection = new SurveyCollection
        {
            Purpose = CollectionPurpose.AiTraining,
            Method = "Collected and curated for model training.",
            ProvenanceDocumented = true,
        },
        Availability = new SurveyAvailability { Now = AvailabilityScope.Open, AfterProcessing = AvailabilityScope.Open },
        License = License.Cc0,
        Labeling = new SurveyLabeling { Status = LabelingStatus.Full, SpecDocumented = true, QaReported = true },
        Quality = new SurveyQuality { Assessed = true, ErrorRate = 0.001m, Verified = true },
        Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = true },
        Maintenance = new SurveyMaintenance
        {
            UpdateFrequency = UpdateFrequency.Daily,
            LastUpdated = new DateOnly(2027, 3, 30),
            Versioned = true,
        },
        ProcessingPlan = [],
    };

    /// <summary>A valid record with only the required fields.</summary>
    public static SurveyRecord Minimal() => new()
    {
        Title = "t",
        Modality = Modality.Text,
        Structure = DataStructure.Unstructured,
        Digitization = Digitization.Paper,
        Formats = [],
        Volume = new SurveyVolume(),
        Collection = new SurveyCollection { Purpose = CollectionPurpose.Unknown, ProvenanceDocumented = false },
        Availability = new SurveyAvailability { Now = AvailabilityScope.NotProvidable, AfterProcessing = AvailabilityScope.NotProvidable },
        LawfulToProvide = false,
        License = License.Unknown,
        ThirdPartyRights = ThirdPartyRights.NotCleared,
        PersonalData = new SurveyPersonalData
        {
            Status = PersonalDataStatus.Identifiable,
            Sensitive = true,
            DeidentificationPlanned = false,
            RiskAssessed = false,
            ScanVerified = false,
        },
        Labeling = new SurveyLabeling { Status = LabelingStatus.None, SpecDocumented = false, QaReported = false },
        Quality = new SurveyQuality { Assessed = false, Verified = false },
        Documentation = new SurveyDocumentation { DataDictionary = false, Datasheet = false },
        Maintenance = new SurveyMaintenance { UpdateFrequency = UpdateFrequency.Unknown, Versioned = false },
    };
}
