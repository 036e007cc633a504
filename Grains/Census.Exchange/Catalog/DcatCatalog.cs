using System.Globalization;
using Census.Contracts.Surveys;
using Census.Domain.Validation;
using Census.Exchange.Catalog.Rdf;
using static Census.Exchange.Catalog.Rdf.Vocabulary;

namespace Census.Exchange.Catalog;

/// <summary>
/// The finalized selection as a DCAT-AP 3.0.1 graph (intake-exchange.md "Exports of the selection"): a
/// dcat:Catalog published by the census authority, one dcat:Dataset per selected record with its
/// distributions and its rubric scores as DQV quality measurements, and the metrics defined once.
/// Every node the range shapes check carries its class (dct:LicenseDocument, skos:Concept, vcard:Kind …)
/// and every controlled-vocabulary concept its skos:inScheme and label, so the document validates on its
/// own, without the EU vocabularies loaded beside it.
/// </summary>
public static class DcatCatalog
{
    public static RdfGraph Build(SelectionCatalog selection, CatalogOptions options)
    {
        var iris = new CatalogIris(options.BaseUrl);
        var graph = new RdfGraph();
        var catalog = new RdfIri(iris.Catalog(selection.RoundId));
        var authority = new RdfIri(iris.Authority());

        graph.Add(catalog, RdfSyntax.Type, Dcat.Catalog)
            .Add(catalog, Dct.Title, RdfLiteral.Text($"{selection.RoundTitle} — AI 학습용 데이터 선정 목록", "ko"))
            .Add(catalog, Dct.Title, RdfLiteral.Text($"{selection.RoundTitle}: datasets selected for AI training", "en"))
            .Add(catalog, Dct.Description, RdfLiteral.Text(
                $"공공 AI 학습용 데이터 전수조사 '{selection.RoundTitle}'에서 선정된 데이터셋 {selection.Datasets.Count}건과 그 ATUS 평가 점수(루브릭 버전 {selection.RubricVersion}).", "ko"))
            .Add(catalog, Dct.Description, RdfLiteral.Text(
                $"The {selection.Datasets.Count} datasets selected by the census round '{selection.RoundTitle}', with their AI training usability scores (rubric version {selection.RubricVersion}).", "en"))
            .Add(catalog, Dct.Publisher, authority)
            .Add(catalog, Dct.Issued, RdfLiteral.DateTime(selection.FinalizedAt))
            .Add(catalog, Dct.Modified, RdfLiteral.DateTime(selection.FinalizedAt))
            .Add(catalog, Dcat.ThemeTaxonomy, new RdfIri(EuVocabularies.DataThemeScheme));
        Agent(graph, authority, options.PublisherName, options.PublisherNameEn);
        graph.Add(new RdfIri(EuVocabularies.DataThemeScheme), RdfSyntax.Type, Skos.ConceptScheme)
            .Add(new RdfIri(EuVocabularies.DataThemeScheme), Dct.Title, RdfLiteral.Text("Data theme", "en"));

        foreach (var dataset in selection.Datasets)
        {
            graph.Add(catalog, Dcat.DatasetProperty, new RdfIri(iris.Dataset(selection.RoundId, dataset.InstitutionId, dataset.DatasetId)));
        }

        foreach (var metric in RubricMetrics.All)
        {
            var node = new RdfIri(iris.Metric(metric.Key));
            graph.Add(node, RdfSyntax.Type, Dqv.Metric)
                .Add(node, Skos.PrefLabel, RdfLiteral.Text(metric.Label, "en"))
                .Add(node, Skos.Definition, RdfLiteral.Text(metric.Definition, "en"))
                .Add(node, Dqv.ExpectedDataType, new RdfIri(metric.IsLevel ? Xsd.WholeNumber : Xsd.DecimalNumber));
        }

        foreach (var dataset in selection.Datasets)
        {
            Dataset(graph, iris, selection, dataset);
        }

        return graph;
    }

    private static void Dataset(RdfGraph graph, CatalogIris iris, SelectionCatalog selection, CatalogDataset dataset)
    {
        var record = dataset.Record;
        var iri = iris.Dataset(selection.RoundId, dataset.InstitutionId, dataset.DatasetId);
        var node = new RdfIri(iri);
        var publisher = new RdfIri(iris.Institution(dataset.InstitutionId));

        graph.Add(node, RdfSyntax.Type, Dcat.Dataset)
            .Add(node, Dct.Title, RdfLiteral.Text(record.Title!, "ko"))
            .Add(node, Dct.Description, RdfLiteral.Text(Description(record), "ko"))
            .Add(node, Dct.Identifier, new RdfLiteral($"{dataset.InstitutionId}/{dataset.DatasetId}"))
            .Add(node, Dct.Publisher, publisher)
            .Add(node, Dct.Issued, RdfLiteral.DateTime(selection.FinalizedAt))
            .Add(node, Dct.Modified, record.Maintenance?.LastUpdated is { } updated
                ? RdfLiteral.Date(updated)
                : RdfLiteral.DateTime(dataset.RecordUpdatedAt));
        Agent(graph, publisher, dataset.Publisher.Name, dataset.Publisher.NameEn);

        // Agencies mix Korean and English keywords ("대기질", "air quality"): no language is claimed for them.
        foreach (var keyword in record.Keywords ?? [])
        {
            graph.Add(node, Dcat.Keyword, new RdfLiteral(keyword));
        }

        foreach (var theme in EuVocabularies.Themes(record.Sector ?? dataset.Publisher.Sector))
        {
            var concept = new RdfIri(EuVocabularies.DataThemeScheme + "/" + theme.Code);
            graph.Add(node, Dcat.Theme, concept);
            Concept(graph, concept, theme.Label, EuVocabularies.DataThemeScheme);
        }

        Licence(graph, iris, node, dataset);

        var access = EuVocabularies.AccessRight(record.Availability!.AfterProcessing!.Value);
        var accessNode = new RdfIri(EuVocabularies.AccessRightScheme + "/" + access.Code);
        graph.Add(node, Dct.AccessRights, accessNode).Add(accessNode, RdfSyntax.Type, Dct.RightsStatement);
        Concept(graph, accessNode, access.Label, EuVocabularies.AccessRightScheme);

        if ((record.ContactEmail ?? dataset.Publisher.ContactEmail) is { Length: > 0 } email)
        {
            var contact = new RdfIri(iri + "#contact");
            graph.Add(node, Dcat.ContactPoint, contact)
                .Add(contact, RdfSyntax.Type, Vcard.Kind)
                .Add(contact, Vcard.Fn, RdfLiteral.Text(dataset.Publisher.Name, "ko"))
                .Add(contact, Vcard.HasEmail, new RdfIri("mailto:" + email));
        }

        Distributions(graph, node, iri, record);
        Measurements(graph, iris, node, iri, dataset);
    }

    internal static void Agent(RdfGraph graph, RdfIri agent, string name, string? nameEn)
    {
        graph.Add(agent, RdfSyntax.Type, Foaf.Agent).Add(agent, Foaf.Name, RdfLiteral.Text(name, "ko"));
        if (!string.IsNullOrWhiteSpace(nameEn))
        {
            graph.Add(agent, Foaf.Name, RdfLiteral.Text(nameEn, "en"));
        }
    }

    internal static void Concept(RdfGraph graph, RdfIri concept, string label, string scheme) =>
        graph.Add(concept, RdfSyntax.Type, Skos.Concept)
            .Add(concept, Skos.PrefLabel, RdfLiteral.Text(label, "en"))
            .Add(concept, Skos.InScheme, new RdfIri(scheme));

    private static void Licence(RdfGraph graph, CatalogIris iris, RdfIri node, CatalogDataset dataset)
    {
        var license = dataset.Record.License!.Value;
        var (iri, label) = EuVocabularies.LicenceOf(license) is { } known
            ? (known.Iri, known.Label)
            : (iris.ProprietaryLicence(dataset.InstitutionId), $"{Names.Of(license)} terms of {dataset.Publisher.Name}");
        var licence = new RdfIri(iri);
        graph.Add(node, Dct.License, licence)
            .Add(licence, RdfSyntax.Type, Dct.LicenseDocument)
            .Add(licence, Rdfs.Label, new RdfLiteral(label));
    }

    private static void Distributions(RdfGraph graph, RdfIri dataset, string datasetIri, SurveyRecord record)
    {
        var formats = record.Formats ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var format = FileFormats.Normalize(formats[i]);
            var distribution = new RdfIri($"{datasetIri}#distribution-{(i + 1).ToString(CultureInfo.InvariantCulture)}");

            // The files are not released yet (post-processing comes first): the access URL is the dataset's
            // page at the census, which the shapes require; a download URL and checksum come with the release.
            graph.Add(dataset, Dcat.DistributionProperty, distribution)
                .Add(distribution, RdfSyntax.Type, Dcat.Distribution)
                .Add(distribution, Dct.Title, new RdfLiteral(format))
                .Add(distribution, Dcat.AccessUrl, new RdfIri(datasetIri));
            if (FileFormats.Find(format) is not { } known)
            {
                continue;
            }

            if (known.FileType is { } code)
            {
                var fileType = new RdfIri(FileFormats.FileTypeIri(code));
                graph.Add(distribution, Dct.Format, fileType).Add(fileType, RdfSyntax.Type, Dct.MediaTypeOrExtent);
                Concept(graph, fileType, code, FileFormats.FileTypeScheme);
            }

            if (known.MediaType is { } mediaType)
            {
                var media = new RdfIri(FileFormats.MediaTypeIri(mediaType));
                graph.Add(distribution, Dcat.MediaType, media).Add(media, RdfSyntax.Type, Dct.MediaTypeClass);
            }
        }
    }

    private static void Measurements(RdfGraph graph, CatalogIris iris, RdfIri dataset, string datasetIri, CatalogDataset selected)
    {
        Measure(graph, dataset, new RdfIri(datasetIri + "#score-now"), iris.Metric(RubricMetrics.ScoreNow.Key),
            RdfLiteral.Number(selected.ScoreNow), "score now");
        Measure(graph, dataset, new RdfIri(datasetIri + "#score-post"), iris.Metric(RubricMetrics.ScorePost.Key),
            RdfLiteral.Number(selected.ScorePost), "score after processing");
        foreach (var criterion in selected.Breakdown)
        {
            var key = criterion.Criterion.ToLowerInvariant();
            var metric = iris.Metric(key);
            Measure(graph, dataset, new RdfIri($"{datasetIri}#{key}-now"), metric, RdfLiteral.WholeNumber(criterion.LevelNow), $"{key} level now");
            Measure(graph, dataset, new RdfIri($"{datasetIri}#{key}-post"), metric, RdfLiteral.WholeNumber(criterion.LevelPost), $"{key} level after processing");
        }
    }

    private static void Measure(RdfGraph graph, RdfIri dataset, RdfIri measurement, string metric, RdfLiteral value, string label) =>
        graph.Add(dataset, Dqv.HasQualityMeasurement, measurement)
            .Add(measurement, RdfSyntax.Type, Dqv.QualityMeasurement)
            .Add(measurement, Dqv.IsMeasurementOf, new RdfIri(metric))
            .Add(measurement, Dqv.ComputedOn, dataset)
            .Add(measurement, Dqv.Value, value)
            .Add(measurement, Rdfs.Label, RdfLiteral.Text(label, "en"));

    // dct:description is mandatory for a dataset; a record may omit its own, so the census says what it knows.
    private static string Description(SurveyRecord record) =>
        string.IsNullOrWhiteSpace(record.Description)
            ? $"{record.Title} ({Names.Of(record.Modality!.Value)}, {Names.Of(record.Structure!.Value)})"
            : record.Description;
}
