using Census.Contracts.Surveys;

namespace Census.Grains.Tests.Infrastructure;

/// <summary>Valid survey records for tests: <c>SurveyRecords.Valid() with { … }</c>.</summary>
internal static class SurveyRecords
{
    /// <summary>A valid record with every field filled in, middling on the rubric.</summary>
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
}
