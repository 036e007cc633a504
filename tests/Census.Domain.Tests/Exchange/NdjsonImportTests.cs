using System.Text;
using Census.Exchange.Imports;

namespace Census.Domain.Tests.Exchange;

public sealed class NdjsonImportTests
{
    private static List<ImportEntry> Read(string text) =>
        ImportFiles.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFormat.Ndjson);

    [Fact]
    public void A_value_of_the_wrong_type_is_worded_as_a_PUT_words_it()
    {
        var entry = Assert.Single(Read("""{"datasetId":"road-cctv","title":"t","volume":{"records":"many"}}"""));

        Assert.Equal(("record.volume.records", "must be a whole number."), (Assert.Single(entry.Errors).Path, entry.Errors[0].Message));
    }

    [Fact]
    public void An_unknown_enumeration_value_lists_the_allowed_ones_as_a_PUT_does()
    {
        var entry = Assert.Single(Read("""{"datasetId":"road-cctv","structure":"tabular"}"""));

        Assert.Equal("must be one of: structured, semi-structured, unstructured.", Assert.Single(entry.Errors).Message);
    }

    [Fact]
    public void An_unknown_member_is_named_as_a_PUT_names_it()
    {
        var entry = Assert.Single(Read("""{"datasetId":"road-cctv","colour":"red"}"""));

        Assert.Equal("is not a known field.", Assert.Single(entry.Errors).Message);
    }

    [Fact]
    public void A_line_that_is_not_JSON_names_its_line_and_byte()
    {
        var entries = Read("\n{\"datasetId\":\"road-cctv\",}\n");

        var error = Assert.Single(Assert.Single(entries).Errors);
        Assert.Equal(2, error.Row);
        Assert.Equal("record", error.Path);
        Assert.StartsWith("is not well-formed JSON (line 2, byte ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_numbered_by_line_counting_blank_lines()
    {
        var entries = Read("{\"datasetId\":\"first\"}\n\n\n{\"datasetId\":\"second\"}\n");

        Assert.Equal([1, 4], entries.Select(e => e.Row));
    }

    [Fact]
    public void Rows_past_the_limit_are_refused()
    {
        var problem = ImportFiles.FileProblem(
            new MemoryStream(Encoding.UTF8.GetBytes("{}\n{}\n{}\n")), ImportFormat.Ndjson, options: new ImportReaderOptions { MaxRows = 2 });

        Assert.Equal("line 3", problem.Where);
    }
}
