using System.Collections.Frozen;
using System.Globalization;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Quarters = Census.Domain.Rubric.QuarterPoints;

namespace Census.Domain.Rubric;

/// <summary>
/// The AI Training Usability Score, rubric v1 (docs: design/rubric.md, normative to the last level).
/// <see cref="Levels"/> turns a survey record into ten levels now and post, a reason each and the
/// failed gates; <see cref="Score(RubricLevels, RubricWeights, int)"/> weighs them.
/// </summary>
/// <remarks>
/// The rubric is meant for validated records. A record that skipped validation is still scored without
/// throwing: a missing field counts as its least favourable value (no digitization → paper, no licence →
/// unknown, lawfulToProvide missing → gate G1 fails, and so on).
/// </remarks>
public static class AtusRubric
{
    public const int CriterionCount = 10;

    /// <summary>Five years in days, as rubric.md counts them for C10.</summary>
    public const int FreshnessDays = 1826;

    /// <summary>C9: a description counts as filled from this many characters (text elements), trimmed.</summary>
    public const int DescriptionMinLength = 20;

    /// <summary>C1: open formats; compared case-insensitively after trimming one leading dot.</summary>
    public static FrozenSet<string> OpenFormats { get; } = new[]
    {
        "csv", "tsv", "json", "jsonl", "xml", "parquet", "avro", "orc", "arrow", "geojson", "gpkg", "shp", "netcdf",
        "hdf5", "txt", "md", "html", "wav", "flac", "ogg", "png", "jpg", "jpeg", "tiff", "webp", "dicom", "nifti",
        "mp4", "webm", "mkv", "las",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The levels now and post of C1..C10, a one-line reason each, and the failed gates G1..G3 in order.</summary>
    public static RubricLevels Levels(SurveyRecord record, DateOnly deadline)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plan = record.ProcessingPlan?.ToHashSet() ?? [];
        CriterionLevels[] criteria =
        [
            C1(record, plan),
            C2(record.Labeling, plan),
            C3(record.Volume, record.Modality),
            C4(record.Collection),
            C5(record.Availability),
            C6(record.License, record.ThirdPartyRights),
            C7(record.PersonalData, plan),
            C8(record.Quality, plan),
            C9(record),
            C10(record.Maintenance, deadline),
        ];

        return new RubricLevels(
            criteria.Select(c => c.Now).ToArray(),
            criteria.Select(c => c.Post).ToArray(),
            criteria.Select(c => c.Reason).ToArray(),
            FailedGates(record));
    }

    /// <summary>The score under <paramref name="weights"/>: now and post as Σ weight × level / 4, exactly.</summary>
    public static Score Score(RubricLevels levels, RubricWeights weights, int rubricVersion)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(weights);
        RequireTen(levels.Now, nameof(levels));
        RequireTen(levels.Post, nameof(levels));
        RequireTen(levels.Reasons, nameof(levels));
        var w = weights.ToArray();
        var breakdown = new CriterionScore[CriterionCount];
        for (var i = 0; i < CriterionCount; i++)
        {
            breakdown[i] = new CriterionScore(
                string.Create(CultureInfo.InvariantCulture, $"c{i + 1}"),
                w[i],
                levels.Now[i],
                levels.Post[i],
                Quarters.ToScore(w[i] * levels.Now[i]),
                Quarters.ToScore(w[i] * levels.Post[i]),
                levels.Reasons[i]);
        }

        return new Score(
            rubricVersion,
            Quarters.ToScore(QuarterPoints(levels.Now, w)),
            Quarters.ToScore(QuarterPoints(levels.Post, w)),
            levels.FailedGates.Count == 0,
            levels.FailedGates,
            breakdown);
    }

    /// <summary>Levels and score of a record in one step.</summary>
    public static Score Score(SurveyRecord record, DateOnly deadline, RubricWeights weights, int rubricVersion) =>
        Score(Levels(record, deadline), weights, rubricVersion);

    /// <summary>
    /// Σ weight × level: four times the score, an integer, so rankings compare scores without fractions.
    /// </summary>
    public static int QuarterPoints(IReadOnlyList<int> levels, IReadOnlyList<int> weights)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(weights);
        if (levels.Count != weights.Count)
        {
            throw new ArgumentException($"{levels.Count} levels but {weights.Count} weights.", nameof(weights));
        }

        var sum = 0;
        for (var i = 0; i < levels.Count; i++)
        {
            sum = checked(sum + (weights[i] * levels[i]));
        }

        return sum;
    }

    private static void RequireTen<T>(IReadOnlyList<T> values, string name)
    {
        if (values.Count != CriterionCount)
        {
            throw new ArgumentException($"Expected {CriterionCount} criteria, got {values.Count}.", name);
        }
    }

    // Only the leading dot is trimmed (".CSV" is csv); whitespace is not, so " csv" is not an open format.
    private static string? OpenFormatName(string? format)
    {
        if (format is null)
        {
            return null;
        }

        var name = format.StartsWith('.') ? format[1..] : format;
        return OpenFormats.TryGetValue(name, out var canonical) ? canonical : null;
    }

    private static string[] FailedGates(SurveyRecord record)
    {
        var failed = new List<string>(3);
        if (record.LawfulToProvide != true)
        {
            failed.Add(RubricGates.All[0]);
        }

        if (record.License is null or License.Unknown)
        {
            failed.Add(RubricGates.All[1]);
        }

        if (record.Availability?.AfterProcessing is null or AvailabilityScope.NotProvidable)
        {
            failed.Add(RubricGates.All[2]);
        }

        return [.. failed];
    }

    private static CriterionLevels C1(SurveyRecord record, HashSet<ProcessingStep> plan)
    {
        var openFormat = record.Formats?.Select(OpenFormatName).FirstOrDefault(f => f is not null);
        var dictionary = record.Documentation?.DataDictionary == true;
        var (now, facts) = record.Digitization switch
        {
            Digitization.Digital when openFormat is null => (2, "digital, no open format"),
            Digitization.Digital when !dictionary => (3, $"digital, open format {openFormat}, no data dictionary"),
            Digitization.Digital => (4, $"digital, open format {openFormat}, data dictionary"),
            Digitization.Scanned => (1, "scanned"),
            _ => (0, "paper"),
        };

        var post = now;
        if (plan.Contains(ProcessingStep.FormatConversion) && record.Digitization is Digitization.Digital or Digitization.Scanned)
        {
            post = Math.Max(post, 3);
        }

        return new(now, post, Reason(facts, now, post, "format-conversion"));
    }

    private static CriterionLevels C2(SurveyLabeling? labeling, HashSet<ProcessingStep> plan)
    {
        var spec = labeling?.SpecDocumented == true;
        var qa = labeling?.QaReported == true;
        var (now, facts) = labeling?.Status switch
        {
            LabelingStatus.Full when spec && qa => (4, "labeling full, spec documented, QA reported"),
            LabelingStatus.Full when spec => (3, "labeling full, spec documented, no QA report"),
            LabelingStatus.Full => (2, "labeling full, no spec documented"),
            LabelingStatus.Partial => (2, "labeling partial"),
            LabelingStatus.Implicit => (1, "labeling implicit"),
            _ => (0, "labeling none"),
        };

        var post = plan.Contains(ProcessingStep.Labeling) ? Math.Max(now, 3) : now;
        return new(now, post, Reason(facts, now, post, "labeling"));
    }

    private static CriterionLevels C3(SurveyVolume? volume, Modality? modality)
    {
        if (volume?.Records is not { } records)
        {
            return new(0, 0, Reason("no volume.records", 0, 0, null));
        }

        var (t1, t2, t3) = Thresholds(modality);
        var level = records >= t3 ? 4 : records >= t2 ? 3 : records >= t1 ? 2 : 1;
        var facts = string.Create(
            CultureInfo.InvariantCulture,
            $"{records:N0} records, {Name(modality)} thresholds {t1:N0}/{t2:N0}/{t3:N0}");
        return new(level, level, Reason(facts, level, level, null));
    }

    private static (long T1, long T2, long T3) Thresholds(Modality? modality) => modality switch
    {
        Modality.Tabular or Modality.TimeSeries => (10_000, 1_000_000, 100_000_000),
        Modality.Text or Modality.Geospatial => (1_000, 100_000, 10_000_000),
        Modality.Image or Modality.Multimodal => (1_000, 100_000, 1_000_000),
        Modality.Audio or Modality.Video => (100, 10_000, 1_000_000),

        // Unreachable for a validated record; the strictest row keeps an unknown modality from gaining.
        _ => (10_000, 1_000_000, 100_000_000),
    };

    private static CriterionLevels C4(SurveyCollection? collection)
    {
        var purpose = collection?.Purpose ?? CollectionPurpose.Unknown;
        var documented = collection?.ProvenanceDocumented == true;
        var analytic = purpose is CollectionPurpose.Research or CollectionPurpose.Statistical or CollectionPurpose.AiTraining;
        var operational = purpose is CollectionPurpose.Administrative or CollectionPurpose.ServiceOperation or CollectionPurpose.Regulatory;
        var level = (purpose, documented) switch
        {
            (CollectionPurpose.Unknown, _) => 0,
            (_, false) when operational => 1,
            (_, false) => 2,
            _ when !analytic => 3,
            _ => 4,
        };

        var facts = purpose == CollectionPurpose.Unknown
            ? "purpose unknown"
            : $"purpose {Name(purpose)}, provenance {(documented ? "documented" : "not documented")}";
        return new(level, level, Reason(facts, level, level, null));
    }

    private static CriterionLevels C5(SurveyAvailability? availability)
    {
        var now = availability?.Now ?? AvailabilityScope.NotProvidable;
        var after = availability?.AfterProcessing ?? AvailabilityScope.NotProvidable;
        var levelNow = now switch
        {
            AvailabilityScope.Open => 4,
            AvailabilityScope.Restricted => 2,
            AvailabilityScope.SafeZoneOnly => 1,
            _ => 0,
        };

        // Post is always read from afterProcessing; open after processing is 4 only if it is open already.
        var levelPost = after switch
        {
            AvailabilityScope.Open when now == AvailabilityScope.Open => 4,
            AvailabilityScope.Open => 3,
            AvailabilityScope.Restricted => 2,
            AvailabilityScope.SafeZoneOnly => 1,
            _ => 0,
        };

        var facts = $"availability now {Name(now)}, after processing {Name(after)}";
        return new(levelNow, levelPost, Reason(facts, levelNow, levelPost, null));
    }

    private static CriterionLevels C6(License? license, ThirdPartyRights? rights)
    {
        var name = Name(license ?? License.Unknown);
        var (level, facts) = license switch
        {
            null or License.Unknown => (0, "license unknown"),
            _ when rights == ThirdPartyRights.NotCleared => (1, $"license {name}, third-party rights not cleared"),
            License.Cc0 or License.PublicDomain or License.Pddl
                => (4, $"license {name}"),
            License.KoglType1 or License.CcBy or License.CcBySa
                or License.OdcBy or License.Odbl => (3, $"license {name}"),

            // kogl-type2..4, the non-commercial and no-derivatives CC licences, proprietary.
            _ => (2, $"license {name}"),
        };

        return new(level, level, Reason(facts, level, level, null));
    }

    private static CriterionLevels C7(SurveyPersonalData? personalData, HashSet<ProcessingStep> plan)
    {
        var (now, facts) = personalData?.Status switch
        {
            PersonalDataStatus.None when personalData.ScanVerified == true => (4, "no personal data, scan verified"),
            PersonalDataStatus.None => (3, "no personal data, not scan verified"),
            PersonalDataStatus.Pseudonymized when personalData.RiskAssessed == true => (3, "pseudonymized, risk assessed"),
            PersonalDataStatus.Pseudonymized => (2, "pseudonymized, risk not assessed"),
            _ when personalData?.DeidentificationPlanned == true => (2, "identifiable, de-identification planned"),
            _ when personalData?.Sensitive != false => (0, "identifiable, sensitive, no de-identification planned"),
            _ => (1, "identifiable, not sensitive, no de-identification planned"),
        };

        var post = now;
        if (plan.Contains(ProcessingStep.DeIdentification) && personalData?.Status is PersonalDataStatus.Identifiable or PersonalDataStatus.Pseudonymized)
        {
            post = Math.Max(post, 3);
        }

        return new(now, post, Reason(facts, now, post, "de-identification"));
    }

    private static CriterionLevels C8(SurveyQuality? quality, HashSet<ProcessingStep> plan)
    {
        var rate = quality?.ErrorRate;
        var verified = quality?.Verified == true;
        var (now, facts) = (quality?.Assessed, rate) switch
        {
            (not true, _) or (_, null) => (0, "quality not assessed"),
            (_, > 0.05m) => (1, $"error rate {Rate(rate)} above 0.05"),
            (_, > 0.01m) => (2, $"error rate {Rate(rate)}, at most 0.05"),
            _ when verified => (4, $"error rate {Rate(rate)}, at most 0.01, verified"),
            _ => (3, $"error rate {Rate(rate)}, at most 0.01, not verified"),
        };

        // Cleansing first, then verification adds a level on top of the cleansed result.
        var post = now;
        var raisedBy = new List<string>(2);
        if (plan.Contains(ProcessingStep.Cleansing) && post < 3)
        {
            post = 3;
            raisedBy.Add("cleansing");
        }

        if (plan.Contains(ProcessingStep.QualityVerification) && post < 4)
        {
            post++;
            raisedBy.Add("quality-verification");
        }

        return new(now, post, Reason(facts, now, post, string.Join(", ", raisedBy)));
    }

    private static CriterionLevels C9(SurveyRecord record)
    {
        (string Field, bool Filled)[] fields =
        [
            ("description", record.Description is { } d && new StringInfo(d.Trim()).LengthInTextElements >= DescriptionMinLength),
            ("keywords", record.Keywords is { Count: > 0 }),
            ("formats", record.Formats is { Count: > 0 }),
            ("volume.records", record.Volume?.Records is not null),
            ("volume.bytes", record.Volume?.Bytes is not null),
            ("collection.method", !string.IsNullOrWhiteSpace(record.Collection?.Method)),
            ("coverage.from", record.Coverage?.From is not null),
            ("coverage.to", record.Coverage?.To is not null),
            ("maintenance.lastUpdated", record.Maintenance?.LastUpdated is not null),
            ("contactEmail", !string.IsNullOrWhiteSpace(record.ContactEmail)),
        ];

        var filled = fields.Count(f => f.Filled);
        var datasheet = record.Documentation?.Datasheet == true;
        var level = filled switch
        {
            >= 9 when datasheet => 4,
            >= 8 => 3,
            >= 5 => 2,
            >= 3 => 1,
            _ => 0,
        };

        var missing = fields.Where(f => !f.Filled).Select(f => f.Field).ToArray();
        var facts = string.Create(
            CultureInfo.InvariantCulture,
            $"{filled} of 10 fields{(missing.Length > 0 ? $" (missing {string.Join(", ", missing)})" : "")}, {(datasheet ? "datasheet" : "no datasheet")}");
        return new(level, level, Reason(facts, level, level, null));
    }

    private static CriterionLevels C10(SurveyMaintenance? maintenance, DateOnly deadline)
    {
        var frequency = maintenance?.UpdateFrequency ?? UpdateFrequency.Unknown;
        var versioned = maintenance?.Versioned == true;
        int level;
        string facts;
        switch (frequency)
        {
            case UpdateFrequency.Unknown:
                (level, facts) = (0, "update frequency unknown");
                break;
            case UpdateFrequency.Static when maintenance?.LastUpdated is { } lastUpdated:
                // "Within 1,826 days before the deadline's date" includes day 1,826 itself: level 1 is
                // "more than 1,826 days before", so exactly 1,826 is not more and stays level 2. A date on
                // or after the deadline gives a negative distance, which is within.
                var daysBefore = deadline.DayNumber - lastUpdated.DayNumber;
                (level, facts) = daysBefore > FreshnessDays
                    ? (1, string.Create(CultureInfo.InvariantCulture, $"static, last updated {daysBefore:N0} days before the deadline (more than {FreshnessDays:N0})"))
                    : (2, string.Create(CultureInfo.InvariantCulture, $"static, last updated within {FreshnessDays:N0} days of the deadline"));
                break;
            case UpdateFrequency.Static:
                (level, facts) = (1, "static, no lastUpdated");
                break;
            default:
                (level, facts) = versioned
                    ? (4, $"updated {Name(frequency)}, versioned")
                    : (3, $"updated {Name(frequency)}, not versioned");
                break;
        }

        return new(level, level, Reason(facts, level, level, null));
    }

    private static string Reason(string facts, int now, int post, string? raisedBy)
    {
        var reason = string.Create(CultureInfo.InvariantCulture, $"{facts}: level {now}");
        if (post == now)
        {
            return reason;
        }

        return string.IsNullOrEmpty(raisedBy)
            ? string.Create(CultureInfo.InvariantCulture, $"{reason}, post {post}")
            : string.Create(CultureInfo.InvariantCulture, $"{reason}, post {post} by {raisedBy}");
    }

    private static string Rate(decimal? rate) => rate?.ToString(CultureInfo.InvariantCulture) ?? "";

    // The wire name of an enumeration value (api.md: lower-case kebab-case), so reasons match the JSON.
    private static string Name<T>(T? value)
        where T : struct, Enum =>
        value is { } v ? Names.Of(v) : "unknown";

    private static string Name<T>(T value)
        where T : struct, Enum =>
        Names.Of(value);

    private readonly record struct CriterionLevels(int Now, int Post, string Reason);
}
