using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Surveys;

/// <summary>
/// What an institution reports about one dataset (api.md "SurveyRecord"). Members are nullable so a
/// missing required field is reported by validation, with its path, rather than failing to parse;
/// a record that passed validation has every required member set. <c>[Required]</c> marks those members
/// for the OpenAPI document (listed as required, never null); the checks themselves are SurveyRecordRules'.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.SurveyRecord")]
public sealed record SurveyRecord
{
    /// <summary>The dataset's title, 1–300 characters.</summary>
    [Id(0), Required] public string? Title { get; init; }

    /// <summary>Up to 4,000 characters.</summary>
    [Id(1)] public string? Description { get; init; }

    /// <summary>Up to 20 keywords, each up to 50 characters.</summary>
    [Id(2)] public IReadOnlyList<string>? Keywords { get; init; }

    /// <summary>The dataset's sector; default the institution's.</summary>
    [Id(3)] public Census.Contracts.Institutions.Sector? Sector { get; init; }

    [Id(4), Required] public Modality? Modality { get; init; }

    [Id(5), Required] public DataStructure? Structure { get; init; }

    [Id(6), Required] public Digitization? Digitization { get; init; }

    /// <summary>File formats (0–20, each up to 20 characters), e.g. <c>csv</c>.</summary>
    [Id(7), Required] public IReadOnlyList<string>? Formats { get; init; }

    [Id(8), Required] public SurveyVolume? Volume { get; init; }

    [Id(9), Required] public SurveyCollection? Collection { get; init; }

    [Id(10), Required] public SurveyAvailability? Availability { get; init; }

    /// <summary>Whether providing the data is lawful (gate G1).</summary>
    [Id(11), Required] public bool? LawfulToProvide { get; init; }

    [Id(12), Required] public License? License { get; init; }

    [Id(13), Required] public ThirdPartyRights? ThirdPartyRights { get; init; }

    [Id(14), Required] public SurveyPersonalData? PersonalData { get; init; }

    [Id(15), Required] public SurveyLabeling? Labeling { get; init; }

    [Id(16), Required] public SurveyQuality? Quality { get; init; }

    [Id(17), Required] public SurveyDocumentation? Documentation { get; init; }

    [Id(18)] public SurveyCoverage? Coverage { get; init; }

    [Id(19), Required] public SurveyMaintenance? Maintenance { get; init; }

    /// <summary>Processing the institution declares it will do before release.</summary>
    [Id(20)] public IReadOnlyList<ProcessingStep>? ProcessingPlan { get; init; }

    [Id(21)] public string? ContactEmail { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyVolume")]
public sealed record SurveyVolume
{
    /// <summary>Items: rows, documents, images, clips, features.</summary>
    [Id(0)] public long? Records { get; init; }

    [Id(1)] public long? Bytes { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyCollection")]
public sealed record SurveyCollection
{
    [Id(0), Required] public CollectionPurpose? Purpose { get; init; }

    [Id(1)] public string? Method { get; init; }

    [Id(2), Required] public bool? ProvenanceDocumented { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyAvailability")]
public sealed record SurveyAvailability
{
    [Id(0), Required] public AvailabilityScope? Now { get; init; }

    [Id(1), Required] public AvailabilityScope? AfterProcessing { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyPersonalData")]
public sealed record SurveyPersonalData
{
    [Id(0), Required] public PersonalDataStatus? Status { get; init; }

    [Id(1), Required] public bool? Sensitive { get; init; }

    [Id(2), Required] public bool? DeidentificationPlanned { get; init; }

    [Id(3), Required] public bool? RiskAssessed { get; init; }

    [Id(4), Required] public bool? ScanVerified { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyLabeling")]
public sealed record SurveyLabeling
{
    [Id(0), Required] public LabelingStatus? Status { get; init; }

    [Id(1), Required] public bool? SpecDocumented { get; init; }

    [Id(2), Required] public bool? QaReported { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyQuality")]
public sealed record SurveyQuality
{
    [Id(0), Required] public bool? Assessed { get; init; }

    /// <summary>0..1; required when assessed.</summary>
    [Id(1)] public decimal? ErrorRate { get; init; }

    [Id(2), Required] public bool? Verified { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyDocumentation")]
public sealed record SurveyDocumentation
{
    [Id(0), Required] public bool? DataDictionary { get; init; }

    [Id(1), Required] public bool? Datasheet { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyCoverage")]
public sealed record SurveyCoverage
{
    [Id(0)] public DateOnly? From { get; init; }

    [Id(1)] public DateOnly? To { get; init; }
}

[GenerateSerializer, Immutable, Alias("census.SurveyMaintenance")]
public sealed record SurveyMaintenance
{
    [Id(0), Required] public UpdateFrequency? UpdateFrequency { get; init; }

    [Id(1)] public DateOnly? LastUpdated { get; init; }

    [Id(2), Required] public bool? Versioned { get; init; }
}
