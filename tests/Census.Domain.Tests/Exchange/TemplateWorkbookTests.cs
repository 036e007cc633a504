using Census.Exchange.Template;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Census.Domain.Tests.Exchange;

public sealed class TemplateWorkbookTests
{
    [Fact]
    public async Task The_template_and_an_export_are_valid_Open_XML_workbooks()
    {
        foreach (var records in new[] { Array.Empty<(string, Census.Contracts.Surveys.SurveyRecord)>(), [("air-quality", SurveyRecords.Valid())] })
        {
            using var file = new MemoryStream();
            await SurveyTemplate.ExportXlsxAsync(file, records.ToAsyncEnumerable());
            file.Position = 0;
            using var document = SpreadsheetDocument.Open(file, false);

            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

            Assert.Empty(errors);
        }
    }
}
