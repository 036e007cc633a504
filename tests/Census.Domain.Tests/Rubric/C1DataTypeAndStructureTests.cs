using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C1DataTypeAndStructureTests
{
    private static SurveyRecord Record(Digitization digitization, string[] formats, bool dataDictionary, params ProcessingStep[] plan) =>
        SurveyRecords.Valid() with
        {
            Digitization = digitization,
            Formats = formats,
            Documentation = new SurveyDocumentation { DataDictionary = dataDictionary, Datasheet = false },
            ProcessingPlan = plan,
        };

    [Fact]
    public void Paper_is_level_0_whatever_the_formats_and_dictionary()
    {
        Assert.Equal(0, Atus.Now(Record(Digitization.Paper, ["csv"], dataDictionary: true), 1));
    }

    [Fact]
    public void Scanned_is_level_1_whatever_the_formats_and_dictionary()
    {
        Assert.Equal(1, Atus.Now(Record(Digitization.Scanned, ["csv"], dataDictionary: true), 1));
    }

    [Fact]
    public void Digital_without_any_format_is_level_2()
    {
        Assert.Equal(2, Atus.Now(Record(Digitization.Digital, [], dataDictionary: true), 1));
    }

    [Fact]
    public void Digital_with_only_closed_formats_is_level_2()
    {
        Assert.Equal(2, Atus.Now(Record(Digitization.Digital, ["hwp", "xlsx", "pdf"], dataDictionary: true), 1));
    }

    [Fact]
    public void Digital_with_an_open_format_and_no_data_dictionary_is_level_3()
    {
        Assert.Equal(3, Atus.Now(Record(Digitization.Digital, ["csv"], dataDictionary: false), 1));
    }

    [Fact]
    public void Digital_with_an_open_format_and_a_data_dictionary_is_level_4()
    {
        Assert.Equal(4, Atus.Now(Record(Digitization.Digital, ["csv"], dataDictionary: true), 1));
    }

    [Fact]
    public void One_open_format_among_closed_ones_is_enough()
    {
        Assert.Equal(4, Atus.Now(Record(Digitization.Digital, ["hwp", "xlsx", "json"], dataDictionary: true), 1));
    }

    private static readonly string[] RubricOpenFormats =
    [
        "csv", "tsv", "json", "jsonl", "xml", "parquet", "avro", "orc", "arrow", "geojson", "gpkg", "shp", "netcdf",
        "hdf5", "txt", "md", "html", "wav", "flac", "ogg", "png", "jpg", "jpeg", "tiff", "webp", "dicom", "nifti",
        "mp4", "webm", "mkv", "las",
    ];

    public static TheoryData<string> EveryOpenFormat => [.. RubricOpenFormats];

    [Theory]
    [MemberData(nameof(EveryOpenFormat))]
    public void Every_format_listed_in_the_rubric_is_open(string format)
    {
        Assert.Equal(4, Atus.Now(Record(Digitization.Digital, [format], dataDictionary: true), 1));
    }

    [Fact]
    public void The_open_formats_are_exactly_the_31_of_the_rubric()
    {
        Assert.Equal(RubricOpenFormats.Order(StringComparer.Ordinal), AtusRubric.OpenFormats.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CSV")]
    [InlineData("Csv")]
    [InlineData(".csv")]
    [InlineData(".CSV")]
    [InlineData(".Parquet")]
    [InlineData("JPEG")]
    public void Formats_compare_case_insensitively_after_trimming_a_leading_dot(string format)
    {
        Assert.Equal(4, Atus.Now(Record(Digitization.Digital, [format], dataDictionary: true), 1));
    }

    // rubric.md trims a leading dot and nothing else: whitespace, a second dot or a trailing dot stay.
    [Theory]
    [InlineData(" csv")]
    [InlineData("csv ")]
    [InlineData("..csv")]
    [InlineData("csv.")]
    [InlineData("c sv")]
    [InlineData("csv.gz")]
    [InlineData("xls")]
    [InlineData("hwp")]
    [InlineData("pdf")]
    public void Anything_but_a_leading_dot_makes_a_format_not_open(string format)
    {
        Assert.Equal(2, Atus.Now(Record(Digitization.Digital, [format], dataDictionary: true), 1));
    }

    [Fact]
    public void Format_conversion_raises_scanned_to_3_after_processing()
    {
        Assert.Equal((1, 3), Atus.Criterion(Record(Digitization.Scanned, [], dataDictionary: false, ProcessingStep.FormatConversion), 1));
    }

    [Fact]
    public void Format_conversion_raises_digital_closed_formats_to_3_after_processing()
    {
        Assert.Equal((2, 3), Atus.Criterion(Record(Digitization.Digital, ["hwp"], dataDictionary: true, ProcessingStep.FormatConversion), 1));
    }

    [Fact]
    public void Format_conversion_leaves_paper_at_0()
    {
        Assert.Equal((0, 0), Atus.Criterion(Record(Digitization.Paper, ["csv"], dataDictionary: true, ProcessingStep.FormatConversion), 1));
    }

    [Fact]
    public void Format_conversion_never_lowers_level_4()
    {
        Assert.Equal((4, 4), Atus.Criterion(Record(Digitization.Digital, ["csv"], dataDictionary: true, ProcessingStep.FormatConversion), 1));
    }

    [Fact]
    public void Without_format_conversion_post_is_now()
    {
        var allButConversion = Enum.GetValues<ProcessingStep>().Where(s => s != ProcessingStep.FormatConversion).ToArray();

        Assert.Equal((1, 1), Atus.Criterion(Record(Digitization.Scanned, [], dataDictionary: false, allButConversion), 1));
    }

    [Fact]
    public void The_reason_names_digitization_the_open_format_and_the_dictionary()
    {
        Assert.Equal(
            "digital, open format csv, data dictionary: level 4",
            Atus.Reason(Record(Digitization.Digital, ["hwp", ".CSV", "json"], dataDictionary: true), 1));
    }

    [Fact]
    public void The_reason_names_the_step_that_raised_post()
    {
        Assert.Equal(
            "scanned: level 1, post 3 by format-conversion",
            Atus.Reason(Record(Digitization.Scanned, [], dataDictionary: false, ProcessingStep.FormatConversion), 1));
    }
}
