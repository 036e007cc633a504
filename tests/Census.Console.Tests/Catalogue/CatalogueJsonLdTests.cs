using Census.ApiGateway.Console.Pages.Catalogue;
using Census.Contracts.Catalogue;
using Census.Contracts.Institutions;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Exchange.Catalog;

namespace Census.Console.Tests.Catalogue;

/// <summary>The schema.org Dataset of a catalogue page: what it says, and that no agency text can break out of its script element.</summary>
public sealed class CatalogueJsonLdTests
{
    private static CatalogueEntry Entry(string title, CatalogueOffer? offer = null) => new(
        "inst-1", "ds-1", title, "</script><script>alert(1)</script> & more", "기관 <b>", Sector.Finance, Modality.Tabular,
        ReleaseTier.Open, License.Proprietary, ["csv"],
        [new CatalogueVersion("1.0", DateTimeOffset.UnixEpoch, 2, 30, [new CatalogueFile("a.csv", 10, new string('a', 64)), new CatalogueFile("b.json", 20, new string('b', 64))], null)],
        offer, [], "round-1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Agency_text_cannot_close_the_script_element_and_still_reads_back_as_written()
    {
        var json = CatalogueJsonLd.Of(Entry("제목 </SCRIPT> <!-- '\""), new CatalogOptions());

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("제목 </SCRIPT> <!-- '\"", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("</script><script>alert(1)</script> & more", document.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public void A_version_of_mixed_formats_has_its_size_but_no_single_encoding_format_and_a_free_offer_is_free()
    {
        using var document = JsonDocument.Parse(CatalogueJsonLd.Of(Entry("t", new CatalogueOffer(CataloguePricing.Free, null, null, DateTimeOffset.UnixEpoch)), new CatalogOptions()));
        var root = document.RootElement;

        var download = root.GetProperty("distribution")[0];
        Assert.Equal("30 B", download.GetProperty("contentSize").GetString());
        Assert.False(download.TryGetProperty("encodingFormat", out _));
        Assert.True(root.GetProperty("isAccessibleForFree").GetBoolean());
        Assert.Equal("http://localhost:5080/institutions/inst-1#proprietary-licence", root.GetProperty("license").GetString());
        Assert.Equal("기관 <b>", root.GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public void Without_an_offer_nothing_is_claimed_about_cost()
    {
        using var document = JsonDocument.Parse(CatalogueJsonLd.Of(Entry("t"), new CatalogOptions()));

        Assert.False(document.RootElement.TryGetProperty("isAccessibleForFree", out _));
    }
}
