using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;
using FsCheck;
using FsCheck.Fluent;

namespace Census.Domain.Tests.Rubric;

/// <summary>FsCheck generators of valid survey records and valid rubric weights, boundaries included.</summary>
public static class RubricArbitraries
{
    public static Arbitrary<SurveyRecord> Records() => RecordGen().ToArbitrary();

    public static Arbitrary<RubricWeights> Weights() =>
        Gen.Piles(10, 100).Select(w => new RubricWeights
        {
            C1 = w[0], C2 = w[1], C3 = w[2], C4 = w[3], C5 = w[4], C6 = w[5], C7 = w[6], C8 = w[7], C9 = w[8], C10 = w[9],
        }).ToArbitrary();

    private static Gen<T> OneOf<T>()
        where T : struct, Enum => Gen.Elements(Enum.GetValues<T>());

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.OneOf(Gen.Constant((T?)null), gen.Select(v => (T?)v));

    private static readonly Gen<bool> Flag = Gen.Elements(true, false);

    private static readonly Gen<long> Count = Gen.OneOf(
        Gen.Elements(0L, 99L, 100L, 999L, 1_000L, 9_999L, 10_000L, 99_999L, 100_000L, 999_999L, 1_000_000L,
            9_999_999L, 10_000_000L, 99_999_999L, 100_000_000L, long.MaxValue),
        Gen.Choose(0, int.MaxValue).Select(i => (long)i));

    private static readonly Gen<decimal> Rate = Gen.OneOf(
        Gen.Elements(0m, 0.01m, 0.0100001m, 0.05m, 0.0500001m, 1m),
        Gen.Choose(0, 10_000).Select(i => i / 10_000m));

    private static readonly Gen<DateOnly> Date = Gen.OneOf(
        Gen.Elements(-1827, -1826, 0, 1).Select(d => Atus.Deadline.AddDays(d)),
        Gen.Choose(-5000, 1000).Select(d => Atus.Deadline.AddDays(d)));

    private static Gen<SurveyRecord> RecordGen() =>
        from description in Gen.Elements<string?>(null, "", "short", "   nineteen chars..   ", new string('가', 20))
        from keywords in Gen.Elements<string[]?>(null, [], ["air"], ["air", "대기질"])
        from modality in OneOf<Modality>()
        from digitization in OneOf<Digitization>()
        from formats in Gen.SubListOf("csv", ".CSV", "Parquet", "hwp", "xlsx", " csv", "pdf").Select(f => f.ToArray())
        from records in Maybe(Count)
        from bytes in Maybe(Count)
        from purpose in OneOf<CollectionPurpose>()
        from method in Gen.Elements<string?>(null, "  ", "sensors")
        from provenance in Flag
        from now in OneOf<AvailabilityScope>()
        from after in OneOf<AvailabilityScope>()
        from lawful in Flag
        from license in OneOf<License>()
        from rights in OneOf<ThirdPartyRights>()
        from personal in OneOf<PersonalDataStatus>()
        from personalFlags in Gen.ArrayOf(Flag, 4)
        from labeling in OneOf<LabelingStatus>()
        from labelFlags in Gen.ArrayOf(Flag, 2)
        from assessed in Flag
        from rate in Maybe(Rate)
        from verified in Flag
        from documentation in Gen.ArrayOf(Flag, 2)
        from coverage in Gen.ArrayOf(Maybe(Date), 2)
        from frequency in OneOf<UpdateFrequency>()
        from lastUpdated in Maybe(Date)
        from versioned in Flag
        from plan in Gen.SubListOf(Enum.GetValues<ProcessingStep>()).SelectMany(p => Gen.Shuffle(p.ToArray()))
        from email in Gen.Elements<string?>(null, "data@example.go.kr")
        select SurveyRecords.Valid() with
        {
            Description = description,
            Keywords = keywords,
            Modality = modality,
            Digitization = digitization,
            Formats = formats,
            Volume = new SurveyVolume { Records = records, Bytes = bytes },
            Collection = new SurveyCollection { Purpose = purpose, Method = method, ProvenanceDocumented = provenance },
            Availability = new SurveyAvailability { Now = now, AfterProcessing = after },
            LawfulToProvide = lawful,
            License = license,
            ThirdPartyRights = rights,
            PersonalData = new SurveyPersonalData
            {
                Status = personal,
                Sensitive = personalFlags[0],
                DeidentificationPlanned = personalFlags[1],
                RiskAssessed = personalFlags[2],
                ScanVerified = personalFlags[3],
            },
            Labeling = new SurveyLabeling { Status = labeling, SpecDocumented = labelFlags[0], QaReported = labelFlags[1] },
            Quality = new SurveyQuality { Assessed = assessed, ErrorRate = assessed ? rate ?? 0.02m : rate, Verified = verified },
            Documentation = new SurveyDocumentation { DataDictionary = documentation[0], Datasheet = documentation[1] },
            Coverage = coverage[0] is { } a && coverage[1] is { } b && a > b
                ? new SurveyCoverage { From = b, To = a }
                : new SurveyCoverage { From = coverage[0], To = coverage[1] },
            Maintenance = new SurveyMaintenance { UpdateFrequency = frequency, LastUpdated = lastUpdated, Versioned = versioned },
            ProcessingPlan = plan,
            ContactEmail = email,
        };
}
