using Census.Contracts.Surveys;
using Census.Domain.Surveys;

namespace Census.Domain.Tests.Surveys;

public sealed class SurveyRecordRulesTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(SurveyRecord? record)
    {
        var errors = SurveyRecordRules.Validate(record);
        Assert.False(errors.IsValid);
        return errors.ToDictionary();
    }

    private static void AssertOnlyError(SurveyRecord record, string path, string message)
    {
        var errors = ErrorsOf(record);
        Assert.Equal([path], errors.Keys);
        Assert.Equal([message], errors[path]);
    }

    [Fact]
    public void A_fully_filled_record_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid()).IsValid);
    }

    [Fact]
    public void A_record_with_only_the_required_fields_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Minimal()).IsValid);
    }

    [Fact]
    public void The_perfect_record_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Perfect()).IsValid);
    }

    [Fact]
    public void A_missing_record_is_an_error_on_record()
    {
        var errors = ErrorsOf(null);

        Assert.Equal(["record"], errors.Keys);
        Assert.Equal(["is required."], errors["record"]);
    }

    [Fact]
    public void An_empty_record_reports_every_required_field_at_once()
    {
        var errors = ErrorsOf(new SurveyRecord());

        Assert.Equal(
            [
                "record.title", "record.modality", "record.structure", "record.digitization", "record.formats",
                "record.volume", "record.collection", "record.availability", "record.lawfulToProvide", "record.license",
                "record.thirdPartyRights", "record.personalData", "record.labeling", "record.quality",
                "record.documentation", "record.maintenance",
            ],
            errors.Keys);
        Assert.All(errors.Values, messages => Assert.Equal(["is required."], messages));
    }

    public static TheoryData<string> RequiredPaths =>
    [
        "record.title",
        "record.modality",
        "record.structure",
        "record.digitization",
        "record.formats",
        "record.volume",
        "record.collection",
        "record.collection.purpose",
        "record.collection.provenanceDocumented",
        "record.availability",
        "record.availability.now",
        "record.availability.afterProcessing",
        "record.lawfulToProvide",
        "record.license",
        "record.thirdPartyRights",
        "record.personalData",
        "record.personalData.status",
        "record.personalData.sensitive",
        "record.personalData.deidentificationPlanned",
        "record.personalData.riskAssessed",
        "record.personalData.scanVerified",
        "record.labeling",
        "record.labeling.status",
        "record.labeling.specDocumented",
        "record.labeling.qaReported",
        "record.quality",
        "record.quality.assessed",
        "record.quality.verified",
        "record.documentation",
        "record.documentation.dataDictionary",
        "record.documentation.datasheet",
        "record.maintenance",
        "record.maintenance.updateFrequency",
        "record.maintenance.versioned",
    ];

    [Theory]
    [MemberData(nameof(RequiredPaths))]
    public void A_missing_required_field_is_required_at_its_path(string path)
    {
        AssertOnlyError(Without(SurveyRecords.Valid(), path), path, "is required.");
    }

    public static TheoryData<string> OptionalPaths =>
    [
        "record.description",
        "record.keywords",
        "record.sector",
        "record.volume.records",
        "record.volume.bytes",
        "record.collection.method",
        "record.quality.errorRate",
        "record.coverage",
        "record.coverage.from",
        "record.coverage.to",
        "record.maintenance.lastUpdated",
        "record.processingPlan",
        "record.contactEmail",
    ];

    [Theory]
    [MemberData(nameof(OptionalPaths))]
    public void An_optional_field_may_be_left_out(string path)
    {
        var record = Without(SurveyRecords.Valid() with { Quality = SurveyRecords.Valid().Quality! with { Assessed = false } }, path);

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_title_is_required(string title)
    {
        AssertOnlyError(SurveyRecords.Valid() with { Title = title }, "record.title", "is required.");
    }

    [Fact]
    public void A_title_of_300_characters_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Title = new string('가', 300) }).IsValid);
    }

    [Fact]
    public void A_title_of_301_characters_is_too_long()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Title = new string('가', 301) },
            "record.title",
            "must be at most 300 characters (got 301).");
    }

    [Fact]
    public void A_title_of_300_emoji_is_300_characters()
    {
        var title = string.Concat(Enumerable.Repeat("👍", 300));

        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Title = title }).IsValid);
    }

    [Fact]
    public void A_title_of_300_emoji_sequences_is_over_its_1200_byte_limit()
    {
        // Each "woman technologist" is three code points joined by ZWJ: 11 bytes, 3,300 in all.
        var title = string.Concat(Enumerable.Repeat("👩‍💻", 300));

        var errors = SurveyRecordRules.Validate(SurveyRecords.Valid() with { Title = title });

        Assert.False(errors.IsValid);
        Assert.Contains("1200 bytes", errors.ToDictionary()["record.title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_4000_characters_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Description = new string('가', 4000) }).IsValid);
    }

    [Fact]
    public void A_description_of_4001_characters_is_too_long()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Description = new string('x', 4001) },
            "record.description",
            "must be at most 4000 characters (got 4001).");
    }

    [Fact]
    public void An_empty_description_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Description = "" }).IsValid);
    }

    [Fact]
    public void Twenty_keywords_are_valid()
    {
        var keywords = Enumerable.Range(1, 20).Select(i => $"k{i}").ToArray();

        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Keywords = keywords }).IsValid);
    }

    [Fact]
    public void Twenty_one_keywords_are_too_many()
    {
        var keywords = Enumerable.Range(1, 21).Select(i => $"k{i}").ToArray();

        AssertOnlyError(SurveyRecords.Valid() with { Keywords = keywords }, "record.keywords", "must have at most 20 items (got 21).");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_keyword_is_an_error_at_its_index(string? keyword)
    {
        AssertOnlyError(SurveyRecords.Valid() with { Keywords = ["a", "b", "c", keyword!] }, "record.keywords[3]", "is required.");
    }

    [Fact]
    public void A_keyword_of_50_characters_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Keywords = [new string('가', 50)] }).IsValid);
    }

    [Fact]
    public void A_keyword_of_51_characters_is_an_error_at_its_index()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Keywords = ["ok", new string('가', 51)] },
            "record.keywords[1]",
            "must be at most 50 characters (got 51).");
    }

    [Fact]
    public void Empty_formats_are_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Formats = [] }).IsValid);
    }

    [Fact]
    public void Twenty_formats_are_valid()
    {
        var formats = Enumerable.Range(1, 20).Select(i => $"f{i}").ToArray();

        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Formats = formats }).IsValid);
    }

    [Fact]
    public void Twenty_one_formats_are_too_many()
    {
        var formats = Enumerable.Range(1, 21).Select(i => $"f{i}").ToArray();

        AssertOnlyError(SurveyRecords.Valid() with { Formats = formats }, "record.formats", "must have at most 20 items (got 21).");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_format_is_an_error_at_its_index(string? format)
    {
        AssertOnlyError(SurveyRecords.Valid() with { Formats = [format!, "csv"] }, "record.formats[0]", "is required.");
    }

    [Fact]
    public void A_format_of_20_characters_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Formats = [new string('x', 20)] }).IsValid);
    }

    [Fact]
    public void A_format_of_21_characters_is_an_error_at_its_index()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Formats = ["csv", "json", new string('x', 21)] },
            "record.formats[2]",
            "must be at most 20 characters (got 21).");
    }

    [Fact]
    public void Zero_records_and_zero_bytes_are_valid()
    {
        var record = SurveyRecords.Valid() with { Volume = new SurveyVolume { Records = 0, Bytes = 0 } };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Fact]
    public void Negative_records_are_an_error_on_volume_records()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Volume = new SurveyVolume { Records = -1, Bytes = 10 } },
            "record.volume.records",
            "must be 0 or more.");
    }

    [Fact]
    public void Negative_bytes_are_an_error_on_volume_bytes()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Volume = new SurveyVolume { Records = 10, Bytes = -1 } },
            "record.volume.bytes",
            "must be 0 or more.");
    }

    [Fact]
    public void A_collection_method_of_1000_characters_is_valid()
    {
        var record = SurveyRecords.Valid() with { Collection = SurveyRecords.Valid().Collection! with { Method = new string('x', 1000) } };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Fact]
    public void A_collection_method_of_1001_characters_is_too_long()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Collection = SurveyRecords.Valid().Collection! with { Method = new string('x', 1001) } },
            "record.collection.method",
            "must be at most 1000 characters (got 1001).");
    }

    [Fact]
    public void An_assessed_quality_without_an_error_rate_is_an_error_on_error_rate()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Quality = new SurveyQuality { Assessed = true, Verified = false } },
            "record.quality.errorRate",
            "is required when quality.assessed is true.");
    }

    [Fact]
    public void An_unassessed_quality_needs_no_error_rate()
    {
        var record = SurveyRecords.Valid() with { Quality = new SurveyQuality { Assessed = false, Verified = false } };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.5")]
    public void An_error_rate_from_0_to_1_is_valid(string rate)
    {
        var record = SurveyRecords.Valid() with
        {
            Quality = new SurveyQuality { Assessed = true, ErrorRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Verified = false },
        };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Theory]
    [InlineData("-0.0001", true)]
    [InlineData("1.0001", true)]
    [InlineData("2", false)]
    public void An_error_rate_outside_0_to_1_is_an_error_even_when_not_assessed(string rate, bool assessed)
    {
        AssertOnlyError(
            SurveyRecords.Valid() with
            {
                Quality = new SurveyQuality { Assessed = assessed, ErrorRate = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Verified = false },
            },
            "record.quality.errorRate",
            "must be between 0 and 1.");
    }

    [Fact]
    public void A_coverage_from_after_to_is_an_error_on_coverage_from()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { Coverage = new SurveyCoverage { From = new DateOnly(2025, 1, 2), To = new DateOnly(2025, 1, 1) } },
            "record.coverage.from",
            "must not be after coverage.to.");
    }

    [Fact]
    public void A_coverage_of_a_single_day_is_valid()
    {
        var record = SurveyRecords.Valid() with { Coverage = new SurveyCoverage { From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 1, 1) } };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Fact]
    public void An_empty_coverage_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { Coverage = new SurveyCoverage() }).IsValid);
    }

    [Fact]
    public void A_step_listed_twice_is_an_error_where_it_repeats()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { ProcessingPlan = [ProcessingStep.Labeling, ProcessingStep.Cleansing, ProcessingStep.Labeling] },
            "record.processingPlan[2]",
            "is listed twice.");
    }

    [Fact]
    public void Every_step_once_is_a_valid_plan()
    {
        var record = SurveyRecords.Valid() with { ProcessingPlan = Enum.GetValues<ProcessingStep>() };

        Assert.True(SurveyRecordRules.Validate(record).IsValid);
    }

    [Fact]
    public void An_empty_plan_is_valid()
    {
        Assert.True(SurveyRecordRules.Validate(SurveyRecords.Valid() with { ProcessingPlan = [] }).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("data")]
    [InlineData("data@airkorea")]
    [InlineData("a b@airkorea.or.kr")]
    public void A_malformed_contact_email_is_an_error_on_contact_email(string email)
    {
        AssertOnlyError(SurveyRecords.Valid() with { ContactEmail = email }, "record.contactEmail", "must be an e-mail address.");
    }

    [Fact]
    public void An_undefined_enumeration_value_is_an_error_at_its_path()
    {
        AssertOnlyError(SurveyRecords.Valid() with { Modality = (Modality)99 }, "record.modality", "is not a known value.");
    }

    [Fact]
    public void An_undefined_processing_step_is_an_error_at_its_index()
    {
        AssertOnlyError(
            SurveyRecords.Valid() with { ProcessingPlan = [ProcessingStep.Labeling, (ProcessingStep)42] },
            "record.processingPlan[1]",
            "is not a known value.");
    }

    [Fact]
    public void Errors_in_several_fields_are_all_reported()
    {
        var record = SurveyRecords.Valid() with
        {
            Title = null,
            Keywords = ["", new string('x', 51)],
            Volume = new SurveyVolume { Records = -5 },
            Quality = new SurveyQuality { Assessed = true, Verified = false },
            Coverage = new SurveyCoverage { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 1, 1) },
            ContactEmail = "nope",
        };

        var errors = ErrorsOf(record);

        Assert.Equal(
            [
                "record.title", "record.keywords[0]", "record.keywords[1]", "record.volume.records",
                "record.quality.errorRate", "record.coverage.from", "record.contactEmail",
            ],
            errors.Keys);
    }

    // The valid record with the field at path set to null (its parent object kept).
    private static SurveyRecord Without(SurveyRecord r, string path) => path switch
    {
        "record.title" => r with { Title = null },
        "record.description" => r with { Description = null },
        "record.keywords" => r with { Keywords = null },
        "record.sector" => r with { Sector = null },
        "record.modality" => r with { Modality = null },
        "record.structure" => r with { Structure = null },
        "record.digitization" => r with { Digitization = null },
        "record.formats" => r with { Formats = null },
        "record.volume" => r with { Volume = null },
        "record.volume.records" => r with { Volume = r.Volume! with { Records = null } },
        "record.volume.bytes" => r with { Volume = r.Volume! with { Bytes = null } },
        "record.collection" => r with { Collection = null },
        "record.collection.purpose" => r with { Collection = r.Collection! with { Purpose = null } },
        "record.collection.method" => r with { Collection = r.Collection! with { Method = null } },
        "record.collection.provenanceDocumented" => r with { Collection = r.Collection! with { ProvenanceDocumented = null } },
        "record.availability" => r with { Availability = null },
        "record.availability.now" => r with { Availability = r.Availability! with { Now = null } },
        "record.availability.afterProcessing" => r with { Availability = r.Availability! with { AfterProcessing = null } },
        "record.lawfulToProvide" => r with { LawfulToProvide = null },
        "record.license" => r with { License = null },
        "record.thirdPartyRights" => r with { ThirdPartyRights = null },
        "record.personalData" => r with { PersonalData = null },
        "record.personalData.status" => r with { PersonalData = r.PersonalData! with { Status = null } },
        "record.personalData.sensitive" => r with { PersonalData = r.PersonalData! with { Sensitive = null } },
        "record.personalData.deidentificationPlanned" => r with { PersonalData = r.PersonalData! with { DeidentificationPlanned = null } },
        "record.personalData.riskAssessed" => r with { PersonalData = r.PersonalData! with { RiskAssessed = null } },
        "record.personalData.scanVerified" => r with { PersonalData = r.PersonalData! with { ScanVerified = null } },
        "record.labeling" => r with { Labeling = null },
        "record.labeling.status" => r with { Labeling = r.Labeling! with { Status = null } },
        "record.labeling.specDocumented" => r with { Labeling = r.Labeling! with { SpecDocumented = null } },
        "record.labeling.qaReported" => r with { Labeling = r.Labeling! with { QaReported = null } },
        "record.quality" => r with { Quality = null },
        "record.quality.assessed" => r with { Quality = r.Quality! with { Assessed = null } },
        "record.quality.errorRate" => r with { Quality = r.Quality! with { ErrorRate = null } },
        "record.quality.verified" => r with { Quality = r.Quality! with { Verified = null } },
        "record.documentation" => r with { Documentation = null },
        "record.documentation.dataDictionary" => r with { Documentation = r.Documentation! with { DataDictionary = null } },
        "record.documentation.datasheet" => r with { Documentation = r.Documentation! with { Datasheet = null } },
        "record.coverage" => r with { Coverage = null },
        "record.coverage.from" => r with { Coverage = r.Coverage! with { From = null } },
        "record.coverage.to" => r with { Coverage = r.Coverage! with { To = null } },
        "record.maintenance" => r with { Maintenance = null },
        "record.maintenance.updateFrequency" => r with { Maintenance = r.Maintenance! with { UpdateFrequency = null } },
        "record.maintenance.lastUpdated" => r with { Maintenance = r.Maintenance! with { LastUpdated = null } },
        "record.maintenance.versioned" => r with { Maintenance = r.Maintenance! with { Versioned = null } },
        "record.processingPlan" => r with { ProcessingPlan = null },
        "record.contactEmail" => r with { ContactEmail = null },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "No such field in the test table."),
    };
}
