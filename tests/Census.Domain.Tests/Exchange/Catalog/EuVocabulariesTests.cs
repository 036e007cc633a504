using Census.Contracts.Surveys;
using Census.Exchange.Catalog;

namespace Census.Domain.Tests.Exchange.Catalog;

public sealed class EuVocabulariesTests
{
    private static readonly HashSet<string> DataThemes =
        ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"];

    [Fact]
    public void Every_sector_maps_to_at_least_one_EU_data_theme()
    {
        Assert.All(Enum.GetValues<Sector>(), s => Assert.All(EuVocabularies.Themes(s), t => Assert.Contains(t.Code, DataThemes)));
        Assert.All(Enum.GetValues<Sector>(), s => Assert.NotEmpty(EuVocabularies.Themes(s)));
    }

    [Fact]
    public void Every_licence_but_proprietary_and_unknown_has_a_public_IRI_of_its_own()
    {
        var known = Enum.GetValues<License>().Where(l => l is not License.Proprietary and not License.Unknown).ToList();

        var iris = known.Select(l => EuVocabularies.LicenceOf(l)!.Iri).ToList();

        Assert.Equal(known.Count, iris.Distinct().Count());
        Assert.All(iris, i => Assert.StartsWith("https://", i, StringComparison.Ordinal));
        Assert.Null(EuVocabularies.LicenceOf(License.Proprietary));
    }

    [Theory]
    [InlineData(AvailabilityScope.Open, "PUBLIC")]
    [InlineData(AvailabilityScope.Restricted, "RESTRICTED")]
    [InlineData(AvailabilityScope.SafeZoneOnly, "RESTRICTED")]
    [InlineData(AvailabilityScope.NotProvidable, "NON_PUBLIC")]
    public void Availability_after_processing_maps_to_the_EU_access_right(AvailabilityScope scope, string code)
    {
        Assert.Equal(code, EuVocabularies.AccessRight(scope).Code);
    }

    [Theory]
    [InlineData("CSV", "CSV", "text/csv")]
    [InlineData(" .parquet", "PARQUET", "application/vnd.apache.parquet")]
    [InlineData("jpg", "JPEG", "image/jpeg")]
    public void Formats_compare_like_the_rubric_and_map_to_EU_file_types(string format, string fileType, string mediaType)
    {
        var known = FileFormats.Find(format);

        Assert.Equal(fileType, known?.FileType);
        Assert.Equal(mediaType, known?.MediaType);
    }

    [Fact]
    public void An_unknown_format_maps_to_nothing()
    {
        Assert.Null(FileFormats.Find("hwp"));
    }
}
