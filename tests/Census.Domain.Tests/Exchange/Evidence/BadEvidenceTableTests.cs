using System.Text;
using Census.Domain.Provision;
using Census.Domain.Tests.Provision;
using Census.Exchange.Evidence;

namespace Census.Domain.Tests.Exchange.Evidence;

/// <summary>Every kind of bad table is refused with a message, the data row and the column, and never computed.</summary>
public class BadEvidenceTableTests
{
    private const string Header = "qi:age,count,sa:diagnosis=flu,sa:diagnosis=cold";

    private static Task<EvidenceTableException> Csv(params string[] lines) => Refused(EvidenceTableFormat.Csv, string.Join("\r\n", lines) + "\r\n");

    private static Task<EvidenceTableException> Json(string json) => Refused(EvidenceTableFormat.Json, json);

    private static async Task<EvidenceTableException> Refused(EvidenceTableFormat format, string text) =>
        await Assert.ThrowsAsync<EvidenceTableException>(() =>
            EvidenceTablesTests.Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(text)), format));

    private static async Task<EvidenceTableException> Refused(ClassTable table, EvidenceTableFormat format) =>
        await Assert.ThrowsAsync<EvidenceTableException>(() => EvidenceTablesTests.Evaluate(EvidenceTablesTests.Open(table, format), format));

    private static readonly SensitiveAttribute Diagnosis = new("diagnosis", ["flu", "cold"]);

    [Theory]
    [InlineData(EvidenceTableFormat.Csv)]
    [InlineData(EvidenceTableFormat.Xlsx)]
    [InlineData(EvidenceTableFormat.Json)]
    public async Task A_zero_count_is_refused_at_its_row_in_every_format(EvidenceTableFormat format)
    {
        var e = await Refused(ClassTable.Of(["age"], [Diagnosis], TableClass.Of("20s", 5, 2, 3), TableClass.Of("30s", 0, 0, 0)), format);

        Assert.Equal((2L, "count"), (e.Row, e.Column));
        Assert.Contains("count of 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_count_is_refused()
    {
        var e = await Csv(Header, "20s,-3,0,0");

        Assert.Equal((1L, "count"), (e.Row, e.Column));
        Assert.Contains("negative", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceTableFormat.Csv)]
    [InlineData(EvidenceTableFormat.Xlsx)]
    [InlineData(EvidenceTableFormat.Json)]
    public async Task A_duplicate_quasi_identifier_combination_is_refused_at_the_second_row(EvidenceTableFormat format)
    {
        var e = await Refused(ClassTable.Of(["age"], [Diagnosis],
            TableClass.Of("20s", 5, 2, 3), TableClass.Of("30s", 5, 2, 3), TableClass.Of("20s", 6, 3, 3)), format);

        Assert.Equal((3L, (string?)null), (e.Row, e.Column));
        Assert.Contains("repeats the quasi-identifier combination (20s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_count_is_refused()
    {
        var e = await Csv("qi:age,sa:diagnosis=flu", "20s,5");

        Assert.Equal(((long?)null, "count"), (e.Row, e.Column));
        Assert.Contains("no count column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_a_quasi_identifier_is_refused()
    {
        var e = await Csv("count,sa:diagnosis=flu", "5,5");

        Assert.Null(e.Row);
        Assert.Contains("no quasi-identifier column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_sensitive_cell_is_refused()
    {
        var e = await Csv(Header, "20s,5,,5");

        Assert.Equal((1L, "sa:diagnosis=flu"), (e.Row, e.Column));
        Assert.Contains("empty cell", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_sensitive_attribute_without_values_is_refused()
    {
        var e = await Json("""{"quasiIdentifiers":["age"],"sensitive":{"diagnosis":[]},"classes":[]}""");

        Assert.Equal(((long?)null, "sa:diagnosis"), (e.Row, e.Column));
        Assert.Contains("has no values", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EvidenceTableFormat.Csv)]
    [InlineData(EvidenceTableFormat.Xlsx)]
    [InlineData(EvidenceTableFormat.Json)]
    public async Task Sensitive_counts_that_do_not_add_up_to_the_count_are_refused(EvidenceTableFormat format)
    {
        var e = await Refused(ClassTable.Of(["age"], [Diagnosis], TableClass.Of("20s", 5, 2, 2)), format);

        Assert.Equal((1L, "sa:diagnosis"), (e.Row, e.Column));
        Assert.Contains("add up to 4, not to the class's count 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitive_counts_above_the_count_are_refused()
    {
        var e = await Csv(Header, "20s,5,4,9223372036854775807");

        Assert.Equal((1L, "sa:diagnosis"), (e.Row, e.Column));
        Assert.Contains("more than 5", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20s,12.5,6,6", "count", "'12.5'")]
    [InlineData("20s,12,six,6", "sa:diagnosis=flu", "'six'")]
    public async Task A_cell_that_is_not_a_whole_number_is_refused(string row, string column, string quoted)
    {
        var e = await Csv(Header, row);

        Assert.Equal((1L, column), (e.Row, e.Column));
        Assert.Contains($"{quoted} in {column} is not a whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_count_that_is_not_a_whole_number_is_refused()
    {
        var e = await Json("""{"quasiIdentifiers":["age"],"classes":[{"qi":["20s"],"count":12.5}]}""");

        Assert.Equal((1L, "count"), (e.Row, e.Column));
    }

    [Theory]
    [InlineData(EvidenceTableFormat.Csv, Header + "\r\n")]
    [InlineData(EvidenceTableFormat.Json, """{"quasiIdentifiers":["age"],"sensitive":{"diagnosis":["flu"]},"classes":[]}""")]
    public async Task A_table_without_classes_is_refused(EvidenceTableFormat format, string text)
    {
        var e = await Refused(format, text);

        Assert.Equal(((long?)null, (string?)null), (e.Row, e.Column));
        Assert.Contains("no classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_without_classes_is_refused()
    {
        var e = await Refused(ClassTable.Of(["age"], [Diagnosis]), EvidenceTableFormat.Xlsx);

        Assert.Contains("no classes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sa:diagnosis")]
    [InlineData("sa:=flu")]
    [InlineData("sa:diagnosis=")]
    public async Task A_sensitive_column_without_attribute_and_value_is_refused(string column)
    {
        var e = await Csv($"qi:age,count,{column}", "20s,5,5");

        Assert.Equal(((long?)null, column), (e.Row, e.Column));
        Assert.Contains("sa:<attribute>=<value>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_column_is_refused()
    {
        var e = await Csv("qi:age,count,name", "20s,5,kim");

        Assert.Equal(((long?)null, "name"), (e.Row, e.Column));
    }

    [Fact]
    public async Task A_column_twice_is_refused()
    {
        var e = await Csv("qi:age,count,qi:age", "20s,5,20s");

        Assert.Equal("qi:age", e.Column);
    }

    [Fact]
    public async Task An_empty_quasi_identifier_cell_is_refused()
    {
        var e = await Csv("qi:age,count", "20s,5", ",5");

        Assert.Equal((2L, "qi:age"), (e.Row, e.Column));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var e = await Csv("");

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JSON_declarations_after_the_classes_are_refused()
    {
        var e = await Json("""{"classes":[],"quasiIdentifiers":["age"]}""");

        Assert.Contains("no quasi-identifier", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JSON_sensitive_after_the_classes_is_refused()
    {
        var e = await Json("""{"quasiIdentifiers":["age"],"classes":[{"qi":["20s"],"count":5}],"sensitive":{"d":["x"]}}""");

        Assert.Contains("must come before classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_JSON_class_missing_an_attributes_counts_is_refused()
    {
        var e = await Json("""{"quasiIdentifiers":["age"],"sensitive":{"diagnosis":["flu"]},"classes":[{"qi":["20s"],"count":5}]}""");

        Assert.Equal((1L, "sa:diagnosis"), (e.Row, e.Column));
    }

    [Fact]
    public async Task A_JSON_class_with_too_few_qi_values_is_refused()
    {
        var e = await Json("""{"quasiIdentifiers":["age","zip"],"classes":[{"qi":["20s"],"count":5}]}""");

        Assert.Equal(1L, e.Row);
        Assert.Contains("qi has 1 values", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"quasiIdentifiers":["age"],"classes":[{"qi":["20s"],"count":5}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"quasiIdentifiers":["age"],"classes":[]} trailing""")]
    [InlineData("")]
    public async Task Malformed_JSON_is_refused(string json) => await Json(json);

    [Fact]
    public async Task A_malformed_CSV_is_refused() => await Csv("qi:age,count", "\"20s,5");

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_is_refused() =>
        await Assert.ThrowsAsync<EvidenceTableException>(() =>
            EvidenceTablesTests.Evaluate(new MemoryStream(Encoding.UTF8.GetBytes("qi:age,count\r\n")), EvidenceTableFormat.Xlsx));
}
