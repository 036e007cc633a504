using Census.Exchange.Template;

namespace Census.Api.Tests.OpenApi;

/// <summary>The OpenAPI document shows the template routes and the export media types of the record list.</summary>
[Collection(OperationsCollection.Name)]
public sealed class ExchangeRoutesDocumentTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/api/v1/templates/survey.xlsx", SurveyTemplate.XlsxMediaType)]
    [InlineData("/api/v1/templates/survey.csv", "text/csv")]
    [InlineData("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets", "text/csv")]
    [InlineData("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets", SurveyTemplate.XlsxMediaType)]
    [InlineData("/api/v1/rounds/{roundId}/institutions/{institutionId}/datasets", "application/json")]
    public async Task The_document_lists_each_answer_s_media_type(string path, string mediaType)
    {
        using var client = gateway.Anonymous();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.ReadJson();

        var content = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");

        Assert.True(content.TryGetProperty(mediaType, out _), $"{path} answers {mediaType}: {content}");
    }
}
