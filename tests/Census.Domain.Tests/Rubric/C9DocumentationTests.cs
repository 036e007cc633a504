using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C9DocumentationTests
{
    private static readonly string[] Fields =
    [
        "description", "keywords", "formats", "volume.records", "volume.bytes", "collection.method",
        "coverage.from", "coverage.to", "maintenance.lastUpdated", "contactEmail",
    ];

    // SurveyRecords.Valid() fills all ten fields; this empties the named ones.
    private static SurveyRecord With(int filled, bool datasheet) =>
        Fields.Skip(filled).Aggregate(
            SurveyRecords.Valid() with { Documentation = new SurveyDocumentation { DataDictionary = true, Datasheet = datasheet } },
            Clear);

    private static SurveyRecord Clear(SurveyRecord r, string field) => field switch
    {
        "description" => r with { Description = null },
        "keywords" => r with { Keywords = null },
        "formats" => r with { Formats = [] },
        "volume.records" => r with { Volume = r.Volume! with { Records = null } },
        "volume.bytes" => r with { Volume = r.Volume! with { Bytes = null } },
        "collection.method" => r with { Collection = r.Collection! with { Method = null } },
        "coverage.from" => r with { Coverage = r.Coverage! with { From = null } },
        "coverage.to" => r with { Coverage = r.Coverage! with { To = null } },
        "maintenance.lastUpdated" => r with { Maintenance = r.Maintenance! with { LastUpdated = null } },
        "contactEmail" => r with { ContactEmail = null },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a C9 field."),
    };

    [Theory]
    [InlineData(0, false, 0)]
    [InlineData(0, true, 0)]
    [InlineData(2, false, 0)]
    [InlineData(2, true, 0)]
    [InlineData(3, false, 1)]
    [InlineData(3, true, 1)]
    [InlineData(4, false, 1)]
    [InlineData(4, true, 1)]
    [InlineData(5, false, 2)]
    [InlineData(5, true, 2)]
    [InlineData(7, false, 2)]
    [InlineData(7, true, 2)]
    [InlineData(8, false, 3)]
    [InlineData(8, true, 3)]
    [InlineData(9, false, 3)]
    [InlineData(9, true, 4)]
    [InlineData(10, false, 3)]
    [InlineData(10, true, 4)]
    public void The_documentation_level_follows_the_count_of_filled_fields_and_the_datasheet(int filled, bool datasheet, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(With(filled, datasheet), 9));
    }

    public static TheoryData<string> EachField => [.. Fields];

    [Theory]
    [MemberData(nameof(EachField))]
    public void Each_of_the_ten_fields_counts(string field)
    {
        var all = With(10, datasheet: true);
        var other = field == "contactEmail" ? "description" : "contactEmail";

        Assert.Equal(4, Atus.Now(Clear(all, other), 9));
        Assert.Equal(3, Atus.Now(Clear(Clear(all, other), field), 9));
    }

    [Fact]
    public void A_description_of_19_characters_after_trimming_does_not_count()
    {
        var record = With(9, datasheet: true) with { Description = "   " + new string('x', 19) + "\n " };

        Assert.Equal(3, Atus.Now(record, 9));
    }

    [Fact]
    public void A_description_of_20_characters_after_trimming_counts()
    {
        var record = With(9, datasheet: true) with { Description = "  " + new string('x', 20) + "  " };

        Assert.Equal(4, Atus.Now(record, 9));
    }

    [Fact]
    public void A_description_of_20_korean_characters_counts()
    {
        var record = With(9, datasheet: true) with { Description = new string('가', 20) };

        Assert.Equal(4, Atus.Now(record, 9));
    }

    [Fact]
    public void A_blank_collection_method_does_not_count()
    {
        var record = With(9, datasheet: true) with { Collection = SurveyRecords.Valid().Collection! with { Method = "   " } };

        Assert.Equal(3, Atus.Now(record, 9));
    }

    [Fact]
    public void Empty_keywords_do_not_count()
    {
        Assert.Equal(3, Atus.Now(With(9, datasheet: true) with { Keywords = [] }, 9));
    }

    [Fact]
    public void Zero_records_and_zero_bytes_count_as_filled()
    {
        var record = With(10, datasheet: true) with { Volume = new SurveyVolume { Records = 0, Bytes = 0 } };

        Assert.Equal(4, Atus.Now(record, 9));
    }

    [Fact]
    public void Processing_never_changes_the_documentation_level()
    {
        Assert.Equal((2, 2), Atus.Criterion(With(5, datasheet: true) with { ProcessingPlan = Enum.GetValues<ProcessingStep>() }, 9));
    }

    [Fact]
    public void The_reason_names_the_count_the_missing_fields_and_the_datasheet()
    {
        Assert.Equal(
            "8 of 10 fields (missing maintenance.lastUpdated, contactEmail), no datasheet: level 3",
            Atus.Reason(With(8, datasheet: false), 9));
    }
}
