using System.Text;
using Census.Contracts.Provision;
using Census.Domain.Provision;
using Census.Domain.Tests.Provision;
using Census.Exchange.Evidence;

namespace Census.Domain.Tests.Exchange.Evidence;

public class EvidenceTablesTests
{
    internal static Stream Open(ClassTable table, EvidenceTableFormat format) => format switch
    {
        EvidenceTableFormat.Csv => new MemoryStream(Encoding.UTF8.GetBytes(table.ToCsv())),
        EvidenceTableFormat.Json => new MemoryStream(Encoding.UTF8.GetBytes(table.ToJson())),
        _ => table.ToXlsx(),
    };

    internal static Task<StructuredEvidenceResult> Evaluate(Stream stream, EvidenceTableFormat format) =>
        EvidenceTables.Evaluate(stream, format, DeidentificationPolicies.Default, CancellationToken.None);

    [Theory]
    [InlineData(EvidenceTableFormat.Csv)]
    [InlineData(EvidenceTableFormat.Xlsx)]
    [InlineData(EvidenceTableFormat.Json)]
    public async Task Each_format_gives_the_hand_worked_figures(EvidenceTableFormat format)
    {
        var table = EquivalenceClassFiguresTests.Failing();

        var result = await Evaluate(Open(table, format), format);

        Assert.Equal(
            EquivalenceClassPropertyTests.Comparable(table.Accumulate().Figures(DeidentificationPolicies.Default)),
            EquivalenceClassPropertyTests.Comparable(result.Figures));
        Assert.Equal(0.366667m, result.Figures.T);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task CSV_xlsx_and_JSON_give_identical_figures_for_the_same_random_tables()
    {
        var random = new Random(1313);
        for (var i = 0; i < 25; i++)
        {
            var table = RandomTables.Next(random, (RandomTables.Shape)(i % 7));
            var csv = await Evaluate(Open(table, EvidenceTableFormat.Csv), EvidenceTableFormat.Csv);
            var xlsx = await Evaluate(Open(table, EvidenceTableFormat.Xlsx), EvidenceTableFormat.Xlsx);
            var json = await Evaluate(Open(table, EvidenceTableFormat.Json), EvidenceTableFormat.Json);

            var expected = EquivalenceClassPropertyTests.Comparable(table.Accumulate().Figures(DeidentificationPolicies.Default));
            Assert.Equal(expected, EquivalenceClassPropertyTests.Comparable(csv.Figures));
            Assert.Equal(expected, EquivalenceClassPropertyTests.Comparable(xlsx.Figures));
            Assert.Equal(expected, EquivalenceClassPropertyTests.Comparable(json.Figures));
        }
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_blank_rows_are_skipped()
    {
        const string csv = "sa:diagnosis=flu,count,qi:age,sa:diagnosis=cold\r\n1,3,20s,2\r\n\r\n5,5,30s,0\r\n1,2,40s,1\r\n";

        var result = await Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(csv)), EvidenceTableFormat.Csv);

        Assert.Equal(0.366667m, result.Figures.T);
        Assert.Equal(3, result.Figures.Classes);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_read_from_a_copy()
    {
        var table = EquivalenceClassFiguresTests.Passing();

        var result = await Evaluate(new NonSeekableStream(Open(table, EvidenceTableFormat.Json)), EvidenceTableFormat.Json);

        Assert.True(result.Passed);
    }

    [Fact]
    public async Task A_CSV_in_CP949_reads_its_Korean_values()
    {
        var csv = "qi:시도,count\r\n서울,7\r\n부산,9\r\n";
        var bytes = Census.Exchange.Imports.TextEncodings.Korean.GetBytes(csv);

        var result = await Evaluate(new MemoryStream(bytes), EvidenceTableFormat.Csv);

        Assert.Equal(["시도"], result.Figures.QuasiIdentifiers);
        Assert.Equal(16, result.Figures.Records);
    }

    [Fact]
    public async Task JSON_quasi_identifier_values_may_be_numbers()
    {
        const string json = """{"quasiIdentifiers":["age"],"classes":[{"qi":[30],"count":6},{"qi":["30"],"count":6}]}""";

        var e = await Assert.ThrowsAsync<EvidenceTableException>(() => Evaluate(new MemoryStream(Encoding.UTF8.GetBytes(json)), EvidenceTableFormat.Json));

        Assert.Equal(2, e.Row);
    }

    [Theory]
    [InlineData("text/csv; charset=utf-8", null, EvidenceTableFormat.Csv)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", null, EvidenceTableFormat.Xlsx)]
    [InlineData("application/json", "table.csv", EvidenceTableFormat.Json)]
    [InlineData("application/octet-stream", "classes.XLSX", EvidenceTableFormat.Xlsx)]
    [InlineData(null, "classes.json", EvidenceTableFormat.Json)]
    [InlineData("text/plain", "classes.txt", null)]
    [InlineData(null, null, null)]
    public void The_format_comes_from_the_content_type_then_the_file_name(string? contentType, string? fileName, EvidenceTableFormat? expected) =>
        Assert.Equal(expected, EvidenceTables.FormatOf(contentType, fileName));
}
