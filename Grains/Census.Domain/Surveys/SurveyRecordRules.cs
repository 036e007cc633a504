using System.Diagnostics.CodeAnalysis;
using Census.Contracts.Surveys;
using Census.Domain.Validation;

namespace Census.Domain.Surveys;

/// <summary>
/// Validation of a survey record (api.md "Survey records"). Every error is reported, keyed by the
/// JSON path of its field under <c>record</c>: <c>record.volume.records</c>, <c>record.keywords[3]</c>.
/// </summary>
public static class SurveyRecordRules
{
    public const string Root = "record";
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 4000;
    public const int MaxKeywords = 20;
    public const int MaxKeywordLength = 50;
    public const int MaxFormats = 20;
    public const int MaxFormatLength = 20;
    public const int MaxMethodLength = 1000;

    public static ValidationErrors Validate(SurveyRecord? record)
    {
        var errors = new ValidationErrors();
        if (record is null)
        {
            return errors.Add(Root, "is required.");
        }

        Rules.RequiredText(errors, Path("title"), record.Title, MaxTitleLength);
        Rules.OptionalText(errors, Path("description"), record.Description, MaxDescriptionLength);
        if (record.Keywords is not null)
        {
            TextList(errors, Path("keywords"), record.Keywords, MaxKeywords, MaxKeywordLength);
        }

        OptionalEnum(errors, Path("sector"), record.Sector);
        RequiredEnum(errors, Path("modality"), record.Modality);
        RequiredEnum(errors, Path("structure"), record.Structure);
        RequiredEnum(errors, Path("digitization"), record.Digitization);
        if (record.Formats is null)
        {
            errors.Add(Path("formats"), "is required.");
        }
        else
        {
            TextList(errors, Path("formats"), record.Formats, MaxFormats, MaxFormatLength);
        }

        Volume(errors, record.Volume);
        Collection(errors, record.Collection);
        Availability(errors, record.Availability);
        Rules.Required(errors, Path("lawfulToProvide"), record.LawfulToProvide);
        RequiredEnum(errors, Path("license"), record.License);
        RequiredEnum(errors, Path("thirdPartyRights"), record.ThirdPartyRights);
        PersonalData(errors, record.PersonalData);
        Labeling(errors, record.Labeling);
        Quality(errors, record.Quality);
        Documentation(errors, record.Documentation);
        Coverage(errors, record.Coverage);
        Maintenance(errors, record.Maintenance);
        ProcessingPlan(errors, record.ProcessingPlan);
        Rules.OptionalEmail(errors, Path("contactEmail"), record.ContactEmail);
        return errors;
    }

    private static string Path(string field) => $"{Root}.{field}";

    private static void TextList(ValidationErrors errors, string path, IReadOnlyList<string> items, int maxItems, int maxLength)
    {
        if (items.Count > maxItems)
        {
            errors.Add(path, $"must have at most {maxItems} items (got {items.Count}).");
        }

        for (var i = 0; i < items.Count; i++)
        {
            Rules.RequiredText(errors, $"{path}[{i}]", items[i], maxLength);
        }
    }

    private static void RequiredEnum<T>(ValidationErrors errors, string path, T? value)
        where T : struct, Enum
    {
        if (value is null)
        {
            errors.Add(path, "is required.");
        }
        else
        {
            OptionalEnum(errors, path, value);
        }
    }

    // The JSON layer only produces named values; this guards callers that build records in code.
    private static void OptionalEnum<T>(ValidationErrors errors, string path, T? value)
        where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.Add(path, "is not a known value.");
        }
    }

    private static bool RequiredObject(ValidationErrors errors, string path, [NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            errors.Add(path, "is required.");
            return false;
        }

        return true;
    }

    private static void Volume(ValidationErrors errors, SurveyVolume? volume)
    {
        if (!RequiredObject(errors, Path("volume"), volume))
        {
            return;
        }

        if (volume.Records < 0)
        {
            errors.Add(Path("volume.records"), "must be 0 or more.");
        }

        if (volume.Bytes < 0)
        {
            errors.Add(Path("volume.bytes"), "must be 0 or more.");
        }
    }

    private static void Collection(ValidationErrors errors, SurveyCollection? collection)
    {
        if (!RequiredObject(errors, Path("collection"), collection))
        {
            return;
        }

        RequiredEnum(errors, Path("collection.purpose"), collection.Purpose);
        Rules.OptionalText(errors, Path("collection.method"), collection.Method, MaxMethodLength);
        Rules.Required(errors, Path("collection.provenanceDocumented"), collection.ProvenanceDocumented);
    }

    private static void Availability(ValidationErrors errors, SurveyAvailability? availability)
    {
        if (!RequiredObject(errors, Path("availability"), availability))
        {
            return;
        }

        RequiredEnum(errors, Path("availability.now"), availability.Now);
        RequiredEnum(errors, Path("availability.afterProcessing"), availability.AfterProcessing);
    }

    private static void PersonalData(ValidationErrors errors, SurveyPersonalData? personalData)
    {
        if (!RequiredObject(errors, Path("personalData"), personalData))
        {
            return;
        }

        RequiredEnum(errors, Path("personalData.status"), personalData.Status);
        Rules.Required(errors, Path("personalData.sensitive"), personalData.Sensitive);
        Rules.Required(errors, Path("personalData.deidentificationPlanned"), personalData.DeidentificationPlanned);
        Rules.Required(errors, Path("personalData.riskAssessed"), personalData.RiskAssessed);
        Rules.Required(errors, Path("personalData.scanVerified"), personalData.ScanVerified);
    }

    private static void Labeling(ValidationErrors errors, SurveyLabeling? labeling)
    {
        if (!RequiredObject(errors, Path("labeling"), labeling))
        {
            return;
        }

        RequiredEnum(errors, Path("labeling.status"), labeling.Status);
        Rules.Required(errors, Path("labeling.specDocumented"), labeling.SpecDocumented);
        Rules.Required(errors, Path("labeling.qaReported"), labeling.QaReported);
    }

    private static void Quality(ValidationErrors errors, SurveyQuality? quality)
    {
        if (!RequiredObject(errors, Path("quality"), quality))
        {
            return;
        }

        Rules.Required(errors, Path("quality.assessed"), quality.Assessed);
        if (quality.ErrorRate is null)
        {
            if (quality.Assessed == true)
            {
                errors.Add(Path("quality.errorRate"), "is required when quality.assessed is true.");
            }
        }
        else if (quality.ErrorRate is < 0m or > 1m)
        {
            errors.Add(Path("quality.errorRate"), "must be between 0 and 1.");
        }

        Rules.Required(errors, Path("quality.verified"), quality.Verified);
    }

    private static void Documentation(ValidationErrors errors, SurveyDocumentation? documentation)
    {
        if (!RequiredObject(errors, Path("documentation"), documentation))
        {
            return;
        }

        Rules.Required(errors, Path("documentation.dataDictionary"), documentation.DataDictionary);
        Rules.Required(errors, Path("documentation.datasheet"), documentation.Datasheet);
    }

    private static void Coverage(ValidationErrors errors, SurveyCoverage? coverage)
    {
        if (coverage is { From: { } from, To: { } to } && from > to)
        {
            errors.Add(Path("coverage.from"), "must not be after coverage.to.");
        }
    }

    private static void Maintenance(ValidationErrors errors, SurveyMaintenance? maintenance)
    {
        if (!RequiredObject(errors, Path("maintenance"), maintenance))
        {
            return;
        }

        RequiredEnum(errors, Path("maintenance.updateFrequency"), maintenance.UpdateFrequency);
        Rules.Required(errors, Path("maintenance.versioned"), maintenance.Versioned);
    }

    private static void ProcessingPlan(ValidationErrors errors, IReadOnlyList<ProcessingStep>? plan)
    {
        if (plan is null)
        {
            return;
        }

        // The plan is a set: a repeated step is reported where it repeats, so the first one stands.
        var seen = new HashSet<ProcessingStep>();
        for (var i = 0; i < plan.Count; i++)
        {
            var path = $"{Path("processingPlan")}[{i}]";
            if (!Enum.IsDefined(plan[i]))
            {
                errors.Add(path, "is not a known value.");
            }
            else if (!seen.Add(plan[i]))
            {
                errors.Add(path, "is listed twice.");
            }
        }
    }
}
