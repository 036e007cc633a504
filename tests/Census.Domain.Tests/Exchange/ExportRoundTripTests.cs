using Census.Contracts.Surveys;
using Census.Exchange.Imports;
using Census.Exchange.Template;

namespace Census.Domain.Tests.Exchange;

public sealed class ExportRoundTripTests
{
    private static readonly (string, SurveyRecord)[] Records =
    [
        ("air-quality", SurveyRecords.Valid()),
        ("road-cctv", SurveyRecords.Perfect() with
        {
            Title = "도로 CCTV, \"서울\"\n2번째 줄",
            Description = "=SUM(A1) 처럼 보이는 설명; 쉼표, 따옴표 \" 와 줄바꿈\r\n포함",
            Keywords = ["교통", "-5 등급", "@handle", "_x0041_ 그대로"],
            ProcessingPlan = [ProcessingStep.DeIdentification, ProcessingStep.FormatConversion, ProcessingStep.QualityVerification],
            Quality = new SurveyQuality { Assessed = true, ErrorRate = 0.0125m, Verified = true },
            Volume = new SurveyVolume { Records = 9_007_199_254_740_993, Bytes = 0 },
        }),
        ("minimal", SurveyRecords.Valid() with
        {
            Description = null, Keywords = null, Sector = null, Coverage = null, ProcessingPlan = null, ContactEmail = null,
            Volume = new SurveyVolume(), Quality = new SurveyQuality { Assessed = false, Verified = false },
            Maintenance = new SurveyMaintenance { UpdateFrequency = UpdateFrequency.Unknown, Versioned = true },
        }),
    ];

    [Fact]
    public async Task A_CSV_export_imports_back_to_the_same_records()
    {
        using var file = new MemoryStream();
        await SurveyTemplate.ExportCsvAsync(file, Records.ToAsyncEnumerable());
        file.Position = 0;

        AssertSameRecords(ImportFiles.Read(file, ImportFormat.Csv));
    }

    [Fact]
    public async Task An_xlsx_export_imports_back_to_the_same_records()
    {
        using var file = new MemoryStream();
        await SurveyTemplate.ExportXlsxAsync(file, Records.ToAsyncEnumerable());
        file.Position = 0;

        AssertSameRecords(ImportFiles.Read(file, ImportFormat.Xlsx));
    }

    [Fact]
    public void The_CSV_template_is_the_header_in_UTF_8_with_a_byte_order_mark()
    {
        using var file = new MemoryStream();
        SurveyTemplate.WriteCsv(file);

        var bytes = file.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("데이터셋 ID (datasetId),데이터셋명 (title),", System.Text.Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        file.Position = 0;
        Assert.Empty(ImportFiles.Read(file, ImportFormat.Csv));
    }

    [Fact]
    public void The_xlsx_template_reads_as_an_empty_import()
    {
        using var file = new MemoryStream();
        SurveyTemplate.WriteXlsx(file);
        file.Position = 0;

        Assert.Empty(ImportFiles.Read(file, ImportFormat.Xlsx));
    }

    private static void AssertSameRecords(List<ImportEntry> entries)
    {
        Assert.Equal(Records.Length, entries.Count);
        for (var i = 0; i < Records.Length; i++)
        {
            Assert.Empty(entries[i].Errors);
            Assert.Equal(i + 2, entries[i].Row);
            Assert.Equal(Records[i].Item1, entries[i].DatasetId);
            Assert.Equal(ImportFiles.Canonical(Records[i].Item2), ImportFiles.Canonical(entries[i].Record));
        }
    }
}
