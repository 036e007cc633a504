using Census.Contracts.Surveys;
using Census.Exchange.Harvest;
using static Census.Domain.Tests.Exchange.Harvest.Catalogues;

namespace Census.Domain.Tests.Exchange.Harvest;

public sealed class HarvestMappingTests
{
    private static Census.Exchange.Imports.ImportEntry Dataset(string statements, Sector? sector = null) =>
        Single(Turtle(statements), HarvestFormat.DcatTurtle, sector);

    [Fact]
    public void The_title_is_korean_first_then_untagged_then_english()
    {
        Assert.Equal("도로", Dataset("""dct:title "Road"@en , "Strasse" , "도로"@ko-KR""").Record!.Title);
        Assert.Equal("Strasse", Dataset("""dct:title "Road"@en , "Strasse" """).Record!.Title);
        Assert.Equal("Road", Dataset("""dct:title "Route"@fr , "Road"@en""").Record!.Title);
        Assert.Equal("Route", Dataset("""dct:title "Route"@fr""").Record!.Title);
    }

    [Fact]
    public void A_dataset_without_a_title_reports_the_title_as_missing()
    {
        var entry = Dataset("""dct:description "설명"@ko""");

        Assert.Contains(entry.Errors, e => e.Path == "record.title" && e.Message == HarvestMapping.NotInCatalogue);
        Assert.Equal("설명", entry.Record!.Description);
    }

    [Fact]
    public void Keywords_of_every_language_are_kept_once_and_within_the_put_limits()
    {
        var many = string.Join(" , ", Enumerable.Range(1, 25).Select(i => $"\"k{i}\""));
        var tooLong = new string('x', 51);

        var record = Dataset($"""dct:title "t" ; dcat:keyword "교통"@ko , "Traffic"@en , "traffic" , "{tooLong}" , {many}""").Record!;

        Assert.Equal(20, record.Keywords!.Count);
        Assert.Equal(["교통", "Traffic", "k1"], record.Keywords.Take(3));
        Assert.DoesNotContain(tooLong, record.Keywords);
    }

    [Fact]
    public void A_theme_that_maps_sets_the_sector_and_otherwise_the_institutions_sector_stands()
    {
        Assert.Equal(Sector.HealthMedical, Dataset("""dct:title "t" ; dcat:theme <http://publications.europa.eu/resource/authority/data-theme/HEAL>""", Sector.Law).Record!.Sector);
        Assert.Equal(Sector.DisasterSafety, Dataset("""dct:title "t" ; dcat:theme [ skos:prefLabel "재난안전"@ko ]""", Sector.Law).Record!.Sector);
        Assert.Equal(Sector.Law, Dataset("""dct:title "t" ; dcat:theme <http://example.org/theme/other>""", Sector.Law).Record!.Sector);
    }

    [Fact]
    public void A_known_licence_maps_and_any_other_is_unknown()
    {
        Assert.Equal(License.KoglType3, Dataset("""dct:title "t" ; dct:license <http://www.kogl.or.kr/info/licenseType3.do>""").Record!.License);
        Assert.Equal(License.Unknown, Dataset("""dct:title "t" ; dct:license <https://example.org/our-terms>""").Record!.License);
        Assert.Equal(License.Unknown, Dataset("""dct:title "t" """).Record!.License);
    }

    [Fact]
    public void A_distributions_licence_counts_when_the_dataset_names_none()
    {
        var record = Dataset("""dct:title "t" ; dcat:distribution [ dct:license <https://creativecommons.org/licenses/by-sa/4.0/> ]""").Record!;

        Assert.Equal(License.CcBySa, record.License);
    }

    [Fact]
    public void A_frequency_with_no_census_equivalent_is_reported_with_what_the_catalogue_said()
    {
        var entry = Dataset("""dct:title "t" ; dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/IRREG>""");

        var error = Assert.Single(entry.Errors, e => e.Path == "record.maintenance.updateFrequency");
        Assert.Contains("\"http://publications.europa.eu/resource/authority/frequency/IRREG\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_temporal_coverage_reads_dcat_and_schema_org_boundaries()
    {
        Assert.Equal(
            new SurveyCoverage { From = new DateOnly(2019, 1, 1), To = new DateOnly(2020, 6, 30) },
            Dataset("""dct:title "t" ; dct:temporal [ <http://schema.org/startDate> "2019" ; <http://schema.org/endDate> "2020-06" ]""").Record!.Coverage);
        Assert.Equal(
            new SurveyCoverage { From = new DateOnly(2021, 3, 4) },
            Dataset("""dct:title "t" ; dct:temporal [ dcat:startDate "2021-03-04T10:00:00Z"^^xsd:dateTime ]""").Record!.Coverage);
    }

    [Fact]
    public void A_coverage_that_ends_before_it_starts_is_reported_as_a_put_would()
    {
        var entry = Dataset("""dct:title "t" ; dct:temporal [ dcat:startDate "2022-01-01" ; dcat:endDate "2021-01-01" ]""");

        Assert.Contains(entry.Errors, e => e.Path == "record.coverage.from" && e.Message == "must not be after coverage.to.");
    }

    [Fact]
    public void The_contact_email_is_the_first_usable_one_without_mailto()
    {
        var record = Dataset("""dct:title "t" ; dcat:contactPoint [ vcard:hasEmail "not an address" ] , [ vcard:hasEmail <mailto:open%40data.go.kr> ]""").Record!;

        Assert.Equal("open@data.go.kr", record.ContactEmail);
    }

    [Fact]
    public void Without_an_identifier_the_last_path_segment_of_the_iri_is_the_id()
    {
        Assert.Equal("ds", Dataset("""dct:title "t" """).DatasetId);
    }

    [Fact]
    public void An_identifier_that_leaves_no_usable_id_is_an_error_of_the_row()
    {
        var entry = Dataset("""dct:title "t" ; dct:identifier "도로교통" """);

        Assert.Null(entry.DatasetId);
        var error = Assert.Single(entry.Errors, e => e.Path == "datasetId");
        Assert.Contains("\"도로교통\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_quotes_at_most_a_hundred_characters_of_what_the_catalogue_wrote()
    {
        var entry = Dataset($"""dct:title "t" ; dct:identifier "{new string('가', 5000)}" """);

        var error = Assert.Single(entry.Errors, e => e.Path == "datasetId");
        Assert.True(error.Message.Length < 250, error.Message);
    }

    [Fact]
    public void A_blank_node_dataset_without_an_identifier_asks_for_an_id()
    {
        var entry = Single("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            [] a dcat:Dataset ; dct:title "t" .
            """, HarvestFormat.DcatTurtle);

        Assert.Contains(entry.Errors, e => e.Path == "datasetId" && e.Message.Contains("neither an identifier nor an IRI", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_datasets_normalising_to_one_id_are_both_in_error()
    {
        var entries = Harvested("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <https://a.kr/1> a dcat:Dataset ; dct:title "one" ; dct:identifier "Road_Traffic" .
            <https://a.kr/2> a dcat:Dataset ; dct:title "two" ; dct:identifier "road traffic" .
            <https://a.kr/3> a dcat:Dataset ; dct:title "three" ; dct:identifier "road-cctv" .
            """, HarvestFormat.DcatTurtle);

        Assert.Equal(["road-traffic", "road-traffic", "road-cctv"], entries.Select(e => e.DatasetId));
        Assert.Contains(entries[0].Errors, e => e.Path == "datasetId" && e.Message.Contains("row 2", StringComparison.Ordinal));
        Assert.Contains(entries[1].Errors, e => e.Path == "datasetId" && e.Message.Contains("row 1", StringComparison.Ordinal));
        Assert.DoesNotContain(entries[2].Errors, e => e.Path == "datasetId");
    }

    [Fact]
    public void Rows_follow_the_catalogues_listing_then_the_document()
    {
        var entries = Harvested("""
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            <https://a.kr/x> a dcat:Dataset ; dct:title "unlisted" .
            <https://a.kr/b> a dcat:Dataset ; dct:title "second" .
            <https://a.kr/a> a dcat:Dataset ; dct:title "first" .
            <https://a.kr/catalog> a dcat:Catalog ; dcat:dataset <https://a.kr/a> , <https://a.kr/b> , <https://a.kr/missing> .
            """, HarvestFormat.DcatTurtle);

        Assert.Equal([(1, "first"), (2, "second"), (3, "unlisted")], entries.Select(e => (e.Row, e.Record!.Title)));
    }

    [Fact]
    public void A_data_json_entry_that_is_not_an_object_is_an_error_of_its_row()
    {
        var entries = Harvested("""{ "dataset": [ "oops", { "title": "t", "identifier": "ok-1" } ] }""", HarvestFormat.DataJson);

        Assert.Equal("datasetId", Assert.Single(entries[0].Errors).Path);
        Assert.Equal(("ok-1", "t"), (entries[1].DatasetId, entries[1].Record!.Title));
    }
}
