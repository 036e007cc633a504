using Census.Contracts.Surveys;
using Census.Exchange.Catalog;

namespace Census.Domain.Tests.Exchange.Catalog;

/// <summary>Selections for the export tests: one dataset from <see cref="SurveyRecords.Valid"/> unless a test gives others.</summary>
public static class CatalogSelections
{
    public static readonly CatalogOptions Options = new() { BaseUrl = "https://census.example.kr/" };

    public static CatalogDataset Dataset(SurveyRecord? record = null, string datasetId = "air-quality", int rank = 1) => new(
        rank, "me", datasetId,
        new CatalogPublisher("환경부", "Ministry of Environment", Sector.EnvironmentWeather, "data@me.go.kr"),
        record ?? SurveyRecords.Valid(), 3, new DateTimeOffset(2027, 3, 2, 9, 30, 0, TimeSpan.Zero),
        72.25m, 81m,
        [.. Enumerable.Range(1, 10).Select(i => new CriterionScore($"c{i}", 10, i % 5, Math.Min(4, i % 5 + 1), 0, 0, "reason"))]);

    public static SelectionCatalog Of(params CatalogDataset[] datasets) =>
        new("census-2027", "2027 공공 AI 데이터 전수조사", new DateTimeOffset(2027, 4, 15, 6, 0, 0, TimeSpan.Zero), 2,
            datasets.Length == 0 ? [Dataset()] : datasets);
}
