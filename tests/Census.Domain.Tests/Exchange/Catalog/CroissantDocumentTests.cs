using System.Text.Json.Nodes;
using Census.Contracts.Surveys;
using Census.Exchange.Catalog;

namespace Census.Domain.Tests.Exchange.Catalog;

/// <summary>
/// Croissant 1.0's required properties (mlcommons.org/croissant/1.0, "Dataset" and "FileObject"): a dataset is
/// an sc:Dataset with @context, conformsTo, name, description, license and url (creator, datePublished and
/// version are recommended, and the census knows them); each FileObject has @type, an id, a name and an
/// encodingFormat. contentUrl and sha256 come with the release, when the files exist.
/// </summary>
public sealed class CroissantDocumentTests
{
    private static JsonObject Build(SurveyRecord? record = null)
    {
        var dataset = CatalogSelections.Dataset(record);
        return CroissantDocument.Build(CatalogSelections.Of(dataset), dataset, CatalogSelections.Options);
    }

    [Fact]
    public void The_dataset_has_every_property_Croissant_1_0_requires_and_recommends()
    {
        var document = Build();

        foreach (var property in new[] { "@context", "@type", "conformsTo", "name", "description", "license", "url", "creator", "datePublished", "version" })
        {
            Assert.True(document[property] is not null, $"Croissant property {property} is missing.");
        }

        Assert.Equal("sc:Dataset", document["@type"]!.GetValue<string>());
        Assert.Equal("http://mlcommons.org/croissant/1.0", document["conformsTo"]!.GetValue<string>());
        Assert.Equal("2027-04-15", document["datePublished"]!.GetValue<string>());
        Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", document["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_context_is_inline_and_defines_the_Croissant_namespaces()
    {
        var context = Build()["@context"]!.AsObject();

        Assert.Equal("http://mlcommons.org/croissant/", context["cr"]!.GetValue<string>());
        Assert.Equal("http://mlcommons.org/croissant/RAI/", context["rai"]!.GetValue<string>());
        Assert.Equal("https://schema.org/", context["sc"]!.GetValue<string>());
        Assert.Equal("dct:conformsTo", context["conformsTo"]!.GetValue<string>());
    }

    [Fact]
    public void Every_format_is_a_file_object_with_an_encoding_format_and_no_address_before_release()
    {
        var files = Build(SurveyRecords.Valid() with { Formats = ["csv", "hwp"] })["distribution"]!.AsArray();

        Assert.Equal(2, files.Count);
        Assert.All(files, f =>
        {
            Assert.Equal("cr:FileObject", f!["@type"]!.GetValue<string>());
            Assert.NotNull(f["@id"]);
            Assert.NotNull(f["name"]);
            Assert.Null(f["contentUrl"]);
            Assert.Null(f["sha256"]);
        });
        Assert.Equal("text/csv", files[0]!["encodingFormat"]!.GetValue<string>());
        Assert.Equal("hwp", files[1]!["encodingFormat"]!.GetValue<string>());
    }

    [Fact]
    public void The_RAI_fields_say_what_the_census_knows()
    {
        var document = Build(SurveyRecords.Valid() with
        {
            PersonalData = SurveyRecords.Valid().PersonalData! with { Status = PersonalDataStatus.Identifiable, DeidentificationPlanned = true },
            ProcessingPlan = [ProcessingStep.DeIdentification],
        });

        Assert.Contains("identifiable", document["rai:personalSensitiveInformation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("de-identification", Assert.Single(document["rai:dataPreprocessingProtocol"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Purpose: statistical", document["rai:dataCollection"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(document["rai:dataLimitations"]!.AsArray(), l => l!.GetValue<string>().StartsWith("Availability now: restricted", StringComparison.Ordinal));
    }
}
