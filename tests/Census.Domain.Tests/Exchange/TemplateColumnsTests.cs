using Census.Contracts.Surveys;
using Census.Exchange.Imports;
using Census.Exchange.Template;

namespace Census.Domain.Tests.Exchange;

public sealed class TemplateColumnsTests
{
    [Fact]
    public void The_columns_are_those_of_intake_exchange_in_its_order()
    {
        string[] documented =
        [
            "datasetId", "title", "description", "keywords", "sector", "modality", "structure", "digitization", "formats",
            "volume.records", "volume.bytes", "collection.purpose", "collection.method", "collection.provenanceDocumented",
            "availability.now", "availability.afterProcessing", "lawfulToProvide", "license", "thirdPartyRights",
            "personalData.status", "personalData.sensitive", "personalData.deidentificationPlanned",
            "personalData.riskAssessed", "personalData.scanVerified", "labeling.status", "labeling.specDocumented",
            "labeling.qaReported", "quality.assessed", "quality.errorRate", "quality.verified",
            "documentation.dataDictionary", "documentation.datasheet", "coverage.from", "coverage.to",
            "maintenance.updateFrequency", "maintenance.lastUpdated", "maintenance.versioned", "processingPlan",
            "contactEmail", "action",
        ];

        Assert.Equal(documented, SurveyColumns.All.Select(c => c.Key));
    }

    [Fact]
    public void Every_column_has_its_own_Korean_label_and_an_explanation()
    {
        Assert.All(SurveyColumns.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Label) || string.IsNullOrWhiteSpace(c.Explanation), c.Key));
        Assert.Equal(SurveyColumns.All.Count, SurveyColumns.All.Select(c => c.Label).Distinct().Count());
    }

    [Fact]
    public void Every_enumerated_column_offers_each_wire_name_with_a_distinct_Korean_label()
    {
        foreach (var column in SurveyColumns.All.Where(c => c.Type is ColumnType.Enum or ColumnType.EnumList))
        {
            Assert.NotEmpty(column.Choices);
            Assert.Equal(column.Choices.Count, column.Choices.Select(c => c.Label).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("datasetId", "title")]
    [InlineData("데이터셋 ID", "데이터셋명")]
    [InlineData("데이터셋 ID (datasetId)", "데이터셋명 (title)")]
    [InlineData(" DATASETID ", "Title")]
    public void A_header_is_matched_on_the_key_the_Korean_label_or_both(string idHeader, string titleHeader)
    {
        var entries = ImportFiles.Read(ImportFiles.Csv([idHeader, titleHeader], [["road-cctv", "도로 CCTV"]]), ImportFormat.Csv);

        var entry = Assert.Single(entries);
        Assert.Equal("road-cctv", entry.DatasetId);
        Assert.Equal("도로 CCTV", entry.Record!.Title);
    }

    [Fact]
    public void An_unknown_column_is_a_problem_of_the_file_naming_its_header()
    {
        var problem = ImportFiles.FileProblem(ImportFiles.Csv(["datasetId", "title", "licence"], [["road-cctv", "t", "cc0"]]), ImportFormat.Csv);

        Assert.Equal("C1", problem.Where);
        Assert.Contains("licence", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_named_twice_is_a_problem_of_the_file_even_when_spelled_differently()
    {
        var problem = ImportFiles.FileProblem(ImportFiles.Csv(["datasetId", "title", "데이터셋명"], [["road-cctv", "t", "t"]]), ImportFormat.Csv);

        Assert.Equal("C1", problem.Where);
        Assert.Contains("'title' appears twice", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("datasetId")]
    [InlineData("title")]
    public void A_file_without_a_datasetId_or_title_column_is_refused(string missing)
    {
        string[] header = [.. ImportFiles.Keys.Where(k => k != missing)];

        var problem = ImportFiles.FileProblem(ImportFiles.Csv(header, []), ImportFormat.Csv);

        Assert.Contains($"no '{missing}' column", problem.Message, StringComparison.Ordinal);
        Assert.Equal("row 1", problem.Where);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("Y", true)]
    [InlineData("예", true)]
    [InlineData("O", true)]
    [InlineData("o", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("NO", false)]
    [InlineData("n", false)]
    [InlineData("N", false)]
    [InlineData("아니오", false)]
    [InlineData("X", false)]
    [InlineData("x", false)]
    public void Booleans_are_read_in_every_spelling(string cell, bool expected)
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("lawfulToProvide", cell), ImportFormat.Csv));

        Assert.Empty(entry.Errors);
        Assert.Equal(expected, entry.Record!.LawfulToProvide);
    }

    [Fact]
    public void A_boolean_that_is_none_of_the_spellings_is_an_error_of_its_field()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("personalData.sensitive", "maybe"), ImportFormat.Csv));

        var error = Assert.Single(entry.Errors);
        Assert.Equal("record.personalData.sensitive", error.Path);
        Assert.Equal(2, error.Row);
    }

    public static TheoryData<string, string> EveryChoice()
    {
        var data = new TheoryData<string, string>();
        foreach (var column in SurveyColumns.All.Where(c => c.Type == ColumnType.Enum && c.IsRecordMember))
        {
            foreach (var choice in column.Choices)
            {
                data.Add(column.Key, choice.Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryChoice))]
    public void Each_enumeration_value_is_read_by_its_wire_name(string key, string value)
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell(key, value), ImportFormat.Csv));

        Assert.DoesNotContain(entry.Errors, e => e.Path == "record." + key);
        Assert.Equal(value, ImportFiles.Row("road-cctv", entry.Record!)[ImportFiles.Index(key)]);
    }

    [Fact]
    public void An_enumeration_value_is_also_read_by_the_Korean_label_the_template_shows()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("modality", "시계열"), ImportFormat.Csv));

        Assert.Empty(entry.Errors);
        Assert.Equal(Modality.TimeSeries, entry.Record!.Modality);
    }

    [Fact]
    public void An_unknown_enumeration_value_is_an_error_listing_the_allowed_ones()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("structure", "tabular"), ImportFormat.Csv));

        var error = Assert.Single(entry.Errors);
        Assert.Equal("record.structure", error.Path);
        Assert.Equal("must be one of: structured, semi-structured, unstructured.", error.Message);
    }

    [Fact]
    public void A_bad_processing_step_is_an_error_at_its_index()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("processingPlan", "cleansing; shredding"), ImportFormat.Csv));

        Assert.Equal("record.processingPlan[1]", Assert.Single(entry.Errors).Path);
    }

    [Fact]
    public void A_cell_of_the_wrong_type_is_an_error_of_its_member_and_the_record_is_still_validated_as_a_PUT()
    {
        var record = SurveyRecords.Valid() with { Title = null };
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("volume.records", "many", record), ImportFormat.Csv));

        Assert.Equal(
            [("record.title", "is required."), ("record.volume.records", "must be a whole number.")],
            entry.Errors.Select(e => (e.Path, e.Message)).Order());
        Assert.All(entry.Errors, e => Assert.Equal("road-cctv", e.DatasetId));
    }

    [Theory]
    [InlineData("coverage.from", "2024/01/01", "must be a date (YYYY-MM-DD).")]
    [InlineData("quality.errorRate", "2%", "must be a number.")]
    [InlineData("quality.errorRate", "1.5", "must be between 0 and 1.")]
    [InlineData("volume.bytes", "-1", "must be 0 or more.")]
    public void Cells_are_checked_by_type_then_by_the_record_rules(string key, string cell, string message)
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell(key, cell), ImportFormat.Csv));

        var error = Assert.Single(entry.Errors);
        Assert.Equal(("record." + key, message), (error.Path, error.Message));
    }

    [Fact]
    public void An_empty_cell_is_an_absent_member()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("description", ""), ImportFormat.Csv));

        Assert.Empty(entry.Errors);
        Assert.Null(entry.Record!.Description);
    }

    [Fact]
    public void An_empty_required_cell_is_reported_as_a_PUT_reports_the_missing_member()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("labeling.status", " "), ImportFormat.Csv));

        Assert.Equal(("record.labeling.status", "is required."), (Assert.Single(entry.Errors).Path, entry.Errors[0].Message));
    }

    [Fact]
    public void Lists_are_separated_by_semicolons_and_trimmed()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("keywords", "대기질; air quality ;PM2.5;"), ImportFormat.Csv));

        Assert.Equal(["대기질", "air quality", "PM2.5"], entry.Record!.Keywords!);
    }

    [Fact]
    public void A_bad_datasetId_is_an_error_of_the_row()
    {
        var row = ImportFiles.Row("Road CCTV", SurveyRecords.Valid());

        var entry = Assert.Single(ImportFiles.Read(ImportFiles.Csv(ImportFiles.Keys, [row]), ImportFormat.Csv));

        Assert.Equal("datasetId", Assert.Single(entry.Errors).Path);
    }

    [Fact]
    public void A_withdraw_row_needs_only_its_datasetId()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.Csv(["datasetId", "title", "action"], [["road-cctv", "", "withdraw"]]), ImportFormat.Csv));

        Assert.True(entry.IsValid);
        Assert.Equal(ImportAction.Withdraw, entry.Action);
    }

    [Fact]
    public void An_unknown_action_is_an_error_of_the_action_column()
    {
        var entry = Assert.Single(ImportFiles.Read(ImportFiles.CsvWithCell("action", "delete"), ImportFormat.Csv));

        Assert.Equal(("action", "must be one of: upsert, withdraw."), (Assert.Single(entry.Errors).Path, entry.Errors[0].Message));
    }
}
