using Census.Contracts.Surveys;
using Census.Exchange.Catalog;
using Census.Exchange.Catalog.Rdf;
using static Census.Exchange.Catalog.Rdf.Vocabulary;

namespace Census.Domain.Tests.Exchange.Catalog;

public sealed class DcatCatalogTests
{
    private static readonly RdfIri DatasetIri = new("https://census.example.kr/catalog/census-2027/me/air-quality");

    private static IEnumerable<RdfTerm> Values(RdfGraph graph, RdfIri subject, RdfIri predicate) =>
        graph.Triples.Where(t => t.Subject == subject && t.Predicate == predicate).Select(t => t.Value);

    private static RdfGraph Build(params CatalogDataset[] datasets) => DcatCatalog.Build(CatalogSelections.Of(datasets), CatalogSelections.Options);

    [Fact]
    public void Dataset_IRIs_are_stable_under_the_configured_base_URL()
    {
        var first = Build();
        var second = Build();

        Assert.Contains(first.Triples, t => t.Subject == DatasetIri && t.Value == Dcat.Dataset);
        Assert.Equal(first.Triples, second.Triples);
    }

    [Fact]
    public void A_dataset_has_every_property_the_exchange_rules_list()
    {
        var graph = Build();

        foreach (var property in new[] { Dct.Title, Dct.Description, Dct.Publisher, Dcat.Keyword, Dcat.Theme, Dct.License, Dct.AccessRights,
                     Dcat.ContactPoint, Dct.Identifier, Dct.Issued, Dct.Modified, Dcat.DistributionProperty, Dqv.HasQualityMeasurement })
        {
            Assert.True(Values(graph, DatasetIri, property).Any(), $"The dataset has no {property}.");
        }
    }

    [Fact]
    public void The_modified_date_is_the_data_s_last_update_when_the_record_gives_it()
    {
        var graph = Build();

        Assert.Equal(RdfLiteral.Date(SurveyRecords.Valid().Maintenance!.LastUpdated!.Value), Assert.Single(Values(graph, DatasetIri, Dct.Modified)));
    }

    [Fact]
    public void A_record_without_a_description_still_gets_the_mandatory_one()
    {
        var graph = Build(CatalogSelections.Dataset(SurveyRecords.Valid() with { Description = null }));

        var description = Assert.IsType<RdfLiteral>(Assert.Single(Values(graph, DatasetIri, Dct.Description)));
        Assert.StartsWith(SurveyRecords.Valid().Title!, description.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void No_contact_point_is_invented_when_neither_record_nor_institution_gives_an_email()
    {
        var dataset = CatalogSelections.Dataset(SurveyRecords.Valid() with { ContactEmail = null });
        dataset = dataset with { Publisher = dataset.Publisher with { ContactEmail = null } };

        Assert.Empty(Values(Build(dataset), DatasetIri, Dcat.ContactPoint));
    }

    [Fact]
    public void There_is_one_distribution_per_format_each_with_the_access_URL_the_shapes_require()
    {
        var graph = Build(CatalogSelections.Dataset(SurveyRecords.Valid() with { Formats = ["csv", "hwp"] }));

        var distributions = Values(graph, DatasetIri, Dcat.DistributionProperty).Cast<RdfIri>().ToList();
        Assert.Equal(2, distributions.Count);
        Assert.All(distributions, d => Assert.Equal(DatasetIri, Assert.Single(Values(graph, d, Dcat.AccessUrl))));
        Assert.Single(Values(graph, distributions[0], Dct.Format));
        Assert.Empty(Values(graph, distributions[1], Dct.Format));
    }

    [Fact]
    public void Metrics_are_defined_once_however_many_datasets_measure_them()
    {
        var graph = Build(CatalogSelections.Dataset(), CatalogSelections.Dataset(datasetId: "water", rank: 2));

        var metrics = graph.Triples.Where(t => t.Predicate == RdfSyntax.Type && t.Value == Dqv.Metric).ToList();
        var measurements = graph.Triples.Where(t => t.Predicate == Dqv.HasQualityMeasurement).ToList();

        Assert.Equal(12, metrics.Count);
        Assert.Equal(2 * 22, measurements.Count);
    }

    [Fact]
    public void Scores_are_decimals_and_levels_are_integers()
    {
        var graph = Build();

        Assert.Equal(RdfLiteral.Number(81m), Assert.Single(Values(graph, new RdfIri(DatasetIri.Value + "#score-post"), Dqv.Value)));
        Assert.Equal(RdfLiteral.WholeNumber(2), Assert.Single(Values(graph, new RdfIri(DatasetIri.Value + "#c2-now"), Dqv.Value)));
        Assert.Equal(RdfLiteral.WholeNumber(3), Assert.Single(Values(graph, new RdfIri(DatasetIri.Value + "#c2-post"), Dqv.Value)));
    }

    [Fact]
    public void A_proprietary_licence_is_a_licence_document_of_the_institution()
    {
        var graph = Build(CatalogSelections.Dataset(SurveyRecords.Valid() with { License = License.Proprietary }));

        var licence = Assert.IsType<RdfIri>(Assert.Single(Values(graph, DatasetIri, Dct.License)));
        Assert.StartsWith("https://census.example.kr/institutions/me", licence.Value, StringComparison.Ordinal);
        Assert.Contains(Dct.LicenseDocument, Values(graph, licence, RdfSyntax.Type));
    }
}
