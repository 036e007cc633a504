using Census.Contracts.Surveys;
using Census.Exchange.Harvest;
using Census.Exchange.Imports;
using static Census.Domain.Tests.Exchange.Harvest.Catalogues;

namespace Census.Domain.Tests.Exchange.Harvest;

/// <summary>Real public catalogues (Fixtures/README.md) harvest into the records a person reading them would fill.</summary>
public sealed class RealCatalogueTests
{
    private static readonly string[] AlwaysMissing =
    [
        "record.modality", "record.structure", "record.digitization", "record.volume",
        "record.collection.purpose", "record.collection.provenanceDocumented",
        "record.availability.now", "record.availability.afterProcessing", "record.lawfulToProvide", "record.thirdPartyRights",
        "record.personalData.status", "record.personalData.sensitive", "record.personalData.deidentificationPlanned",
        "record.personalData.riskAssessed", "record.personalData.scanVerified",
        "record.labeling.status", "record.labeling.specDocumented", "record.labeling.qaReported",
        "record.quality.assessed", "record.quality.verified",
        "record.documentation.dataDictionary", "record.documentation.datasheet", "record.maintenance.versioned",
    ];

    [Fact]
    public void The_govdata_hamburg_turtle_catalogue_prefills_both_datasets()
    {
        var entries = Harvested(Fixture("govdata-hamburg.ttl"), HarvestFormat.DcatTurtle, Sector.PublicAdministration);

        Assert.Equal([1, 2], entries.Select(e => e.Row));
        var bathing = entries[0];
        Assert.Equal("d4ce4e6e-ab89-44cb-bf5c-33a162c234de", bathing.DatasetId);
        Assert.Equal(ImportAction.Upsert, bathing.Action);
        var record = bathing.Record!;
        Assert.Equal("Badegewässer in Hamburg", record.Title);
        Assert.Equal("Historische Daten der Badegewässer und ihrer Überwachungsmessstellen im Internet.", record.Description);
        Assert.Equal(["wasserbelastung", "gewaesserqualitaet", "umweltueberwachung", "wasser", "badestelle"], record.Keywords);
        Assert.Equal(Sector.EnvironmentWeather, record.Sector);
        Assert.Equal(["csv", "xml"], record.Formats);
        Assert.Equal(License.Unknown, record.License);
        Assert.Equal(new DateOnly(2018, 9, 4), record.Maintenance!.LastUpdated);
        Assert.Null(record.Maintenance.UpdateFrequency);
        Assert.Equal("thomas.meister@example.com", record.ContactEmail);
        Assert.Null(record.Coverage);
        Assert.Equal(
            AlwaysMissing.Append("record.maintenance.updateFrequency").Order(StringComparer.Ordinal),
            bathing.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));

        var police = entries[1];
        Assert.Equal("68180d85-df56-48e0-993e-b9da36103a72", police.DatasetId);
        Assert.Equal("Gebietsgrenzen Polizeikommissariate", police.Record!.Title);
        Assert.Equal(Sector.PublicAdministration, police.Record.Sector);
        Assert.Equal(["gml"], police.Record.Formats);
        Assert.Equal(UpdateFrequency.Monthly, police.Record.Maintenance!.UpdateFrequency);
        Assert.Equal("julia.koenig@example.com", police.Record.ContactEmail);
        Assert.Equal(AlwaysMissing.Order(StringComparer.Ordinal), police.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_semic_dcat_ap_3_catalogue_follows_a_local_licence_to_the_cc0_it_matches()
    {
        var entry = Single(Fixture("semic-ms-catalogue.ttl"), HarvestFormat.DcatTurtle, Sector.EnvironmentWeather);

        Assert.Equal("1t2p3o4b", entry.DatasetId);
        Assert.Equal("The population of bees", entry.Record!.Title);
        Assert.Equal(License.Cc0, entry.Record.License);
        Assert.Equal(["shp"], entry.Record.Formats);
        Assert.Equal(UpdateFrequency.Yearly, entry.Record.Maintenance!.UpdateFrequency);
        Assert.Equal(Sector.EnvironmentWeather, entry.Record.Sector);
        Assert.Null(entry.Record.Keywords);
        Assert.Null(entry.Record.ContactEmail);
        Assert.Equal(AlwaysMissing.Order(StringComparer.Ordinal), entry.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_gsa_data_json_prefills_licence_formats_frequency_and_contact()
    {
        var entries = Harvested(Fixture("gsa-data.json"), HarvestFormat.DataJson, Sector.Finance);

        Assert.Equal(["gsa-2020-04-01-01", "gsa-2015-02-26-1"], entries.Select(e => e.DatasetId));
        var ebuy = entries[0].Record!;
        Assert.Equal("e-Buy Awards for Fiscal Year 2019", ebuy.Title);
        Assert.Equal(["Awards", "Contracts", "Quote", "RFQ", "Schedules", "e-Buy", "procurement"], ebuy.Keywords);
        Assert.Equal(License.Cc0, ebuy.License);
        Assert.Equal(["xlsx"], ebuy.Formats);
        Assert.Equal(UpdateFrequency.Yearly, ebuy.Maintenance!.UpdateFrequency);
        Assert.Equal(new DateOnly(2020, 4, 1), ebuy.Maintenance.LastUpdated);
        Assert.Equal("usha.gopal@gsa.gov", ebuy.ContactEmail);
        Assert.Equal(Sector.Finance, ebuy.Sector);
        Assert.Equal(UpdateFrequency.Quarterly, entries[1].Record!.Maintenance!.UpdateFrequency);
        Assert.Equal(AlwaysMissing.Order(StringComparer.Ordinal), entries[0].Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_cfpb_data_json_prefills_coverage_and_reports_the_formats_it_lacks()
    {
        var entries = Harvested(Fixture("cfpb-data.json"), HarvestFormat.DataJson);

        Assert.Equal(["ccdb", "hmda-lar"], entries.Select(e => e.DatasetId));
        Assert.Equal(UpdateFrequency.Daily, entries[0].Record!.Maintenance!.UpdateFrequency);
        var hmda = entries[1].Record!;
        Assert.Equal(new SurveyCoverage { From = new DateOnly(2007, 2, 1), To = new DateOnly(2017, 12, 31) }, hmda.Coverage);
        Assert.Equal(new DateOnly(2017, 12, 31), hmda.Maintenance!.LastUpdated);
        Assert.Equal(License.Unknown, hmda.License);
        Assert.Null(hmda.Sector);
        Assert.Contains(entries[1].Errors, e => e.Path == "record.formats" && e.Message == HarvestMapping.NotInCatalogue);
    }

    [Fact]
    public void Every_error_of_a_harvested_row_carries_its_row_and_dataset_id()
    {
        var entry = Harvested(Fixture("gsa-data.json"), HarvestFormat.DataJson)[1];

        Assert.All(entry.Errors, e => Assert.Equal((2, "gsa-2015-02-26-1"), (e.Row, e.DatasetId)));
    }
}
