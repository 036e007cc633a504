using System.Text.Json;
using Census.Contracts.Surveys;
using Census.Domain.Serialization;
using Census.Exchange.Harvest;
using Census.Exchange.Imports;
using static Census.Domain.Tests.Exchange.Harvest.Catalogues;

namespace Census.Domain.Tests.Exchange.Harvest;

/// <summary>One catalogue in two syntaxes is one set of rows: the readers agree, and the mapping is the only mapping.</summary>
public sealed class SyntaxEquivalenceTests
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static string Rows(IEnumerable<ImportEntry> entries) =>
        JsonSerializer.Serialize(entries.Select(e => new { e.Row, e.DatasetId, e.Action, e.Record, e.Errors }), Json);

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        CensusJson.Configure(options);
        return options;
    }

    [Theory]
    [InlineData("govdata-hamburg")]
    [InlineData("semic-ms-catalogue")]
    public void The_turtle_and_the_json_ld_of_a_real_catalogue_give_the_same_rows(string catalogue)
    {
        var fromTurtle = Harvested(Fixture(catalogue + ".ttl"), HarvestFormat.DcatTurtle, Sector.Education);
        var fromJsonLd = Harvested(Fixture(catalogue + ".jsonld"), HarvestFormat.DcatJsonLd, Sector.Education);

        Assert.NotEmpty(fromTurtle);
        Assert.Equal(Rows(fromTurtle), Rows(fromJsonLd));
    }

    [Fact]
    public void A_compacted_json_ld_catalogue_gives_the_rows_of_its_turtle()
    {
        var turtle = Turtle("""
            dct:title "도로 교통량"@ko , "Road traffic"@en ;
              dct:identifier "ROAD-traffic_2024" ;
              dcat:keyword "교통"@ko , "traffic"@en ;
              dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TRAN> ;
              dct:license <https://www.kogl.or.kr/info/licenseType1.do> ;
              dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/DAILY> ;
              dct:modified "2024-05-01T09:00:00+09:00"^^xsd:dateTime ;
              dct:temporal [ dcat:startDate "2020-01-01"^^xsd:date ; dcat:endDate "2023-12-31"^^xsd:date ] ;
              dcat:contactPoint [ vcard:hasEmail <mailto:data@road.go.kr> ] ;
              dcat:distribution [ dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ] ,
                                [ dcat:mediaType <https://www.iana.org/assignments/media-types/application/json> ]
            """);
        var jsonLd = """
            {
              "@context": {
                "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "vcard": "http://www.w3.org/2006/vcard/ns#",
                "xsd": "http://www.w3.org/2001/XMLSchema#", "@base": "https://data.example.kr/dataset/",
                "keyword": { "@id": "dcat:keyword" },
                "theme": { "@id": "dcat:theme", "@type": "@id" },
                "modified": { "@id": "dct:modified", "@type": "xsd:dateTime" }
              },
              "@id": "ds",
              "@type": "dcat:Dataset",
              "dct:title": [ { "@value": "Road traffic", "@language": "en" }, { "@value": "도로 교통량", "@language": "ko" } ],
              "dct:identifier": "ROAD-traffic_2024",
              "keyword": [ { "@value": "교통", "@language": "ko" }, { "@value": "traffic", "@language": "en" } ],
              "theme": "http://publications.europa.eu/resource/authority/data-theme/TRAN",
              "dct:license": { "@id": "https://www.kogl.or.kr/info/licenseType1.do" },
              "dct:accrualPeriodicity": { "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY" },
              "modified": "2024-05-01T09:00:00+09:00",
              "dct:temporal": { "dcat:startDate": { "@value": "2020-01-01", "@type": "xsd:date" }, "dcat:endDate": { "@value": "2023-12-31", "@type": "xsd:date" } },
              "dcat:contactPoint": { "vcard:hasEmail": { "@id": "mailto:data@road.go.kr" } },
              "dcat:distribution": [
                { "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/application/json" } },
                { "dct:format": { "@id": "http://publications.europa.eu/resource/authority/file-type/CSV" } } ]
            }
            """;

        var fromTurtle = Harvested(turtle, HarvestFormat.DcatTurtle);
        var fromJsonLd = Harvested(jsonLd, HarvestFormat.DcatJsonLd);

        Assert.Equal(Rows(fromTurtle), Rows(fromJsonLd));
        var record = fromTurtle[0].Record!;
        Assert.Equal(("road-traffic-2024", "도로 교통량"), (fromTurtle[0].DatasetId, record.Title));
        Assert.Equal(["csv", "json"], record.Formats);
    }

    [Fact]
    public void A_catalogue_written_with_the_dcat_ap_3_0_1_context_gives_the_rows_of_its_turtle()
    {
        var turtle = Turtle("""
            dct:title "대기질 측정"@ko ;
              dct:identifier "AIR-2024" ;
              dcat:keyword "대기" , "air" ;
              dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ENVI> ;
              dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/HOURLY> ;
              dct:modified "2024-06-01" ;
              dct:temporal [ a dct:PeriodOfTime ; dcat:startDate "2015-01-01" ; dcat:endDate "2023-12-31" ] ;
              dcat:contactPoint [ a vcard:Kind ; vcard:hasEmail "mailto:air@me.go.kr" ] ;
              dcat:distribution [ a dcat:Distribution ;
                dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
                dct:license <https://www.kogl.or.kr/info/licenseType1.do> ]
            """);
        var jsonLd = """
            {
              "@context": "https://semiceu.github.io/DCAT-AP/releases/3.0.1/context/dcat-ap.jsonld",
              "@id": "https://data.example.kr/dataset/ds",
              "@type": "Dataset",
              "title": [ { "@value": "대기질 측정", "@language": "ko" } ],
              "identifier": [ "AIR-2024" ],
              "keyword": [ "대기", "air" ],
              "theme": [ "http://publications.europa.eu/resource/authority/data-theme/ENVI" ],
              "frequency": "http://publications.europa.eu/resource/authority/frequency/HOURLY",
              "modificationDate": "2024-06-01",
              "temporalCoverage": [ { "@type": "PeriodOfTime", "startDate": "2015-01-01", "endDate": "2023-12-31" } ],
              "contactPoint": [ { "@type": "Kind", "vcard:hasEmail": "mailto:air@me.go.kr" } ],
              "datasetDistribution": [ { "@type": "Distribution",
                "format": "http://publications.europa.eu/resource/authority/file-type/CSV",
                "licence": "https://www.kogl.or.kr/info/licenseType1.do" } ]
            }
            """;

        var fromTurtle = Harvested(turtle, HarvestFormat.DcatTurtle);
        var fromJsonLd = Harvested(jsonLd, HarvestFormat.DcatJsonLd);

        Assert.Equal(Rows(fromTurtle), Rows(fromJsonLd));
        var record = fromJsonLd[0].Record!;
        Assert.Equal(("air-2024", "대기질 측정", License.KoglType1), (fromJsonLd[0].DatasetId, record.Title, record.License));
        Assert.Equal((UpdateFrequency.Realtime, "air@me.go.kr"), (record.Maintenance!.UpdateFrequency, record.ContactEmail));
        Assert.Equal(new SurveyCoverage { From = new DateOnly(2015, 1, 1), To = new DateOnly(2023, 12, 31) }, record.Coverage);
    }
}
