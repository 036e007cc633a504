using Census.Contracts.Surveys;
using Census.Exchange.Harvest;

namespace Census.Domain.Tests.Exchange.Harvest;

/// <summary>The tables that turn catalogue vocabularies into census values.</summary>
public sealed class CatalogVocabularyTests
{
    [Theory]
    [InlineData("https://creativecommons.org/licenses/by/4.0/", License.CcBy)]
    [InlineData("http://creativecommons.org/licenses/by-nc-nd/2.0/kr/legalcode", License.CcByNcNd)]
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0/", License.Cc0)]
    [InlineData("http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0", License.CcBySa)]
    [InlineData("http://publications.europa.eu/resource/authority/licence/ODC_ODBL", License.Odbl)]
    [InlineData("http://publications.europa.eu/resource/authority/licence/CC0", License.Cc0)]
    [InlineData("https://spdx.org/licenses/CC-BY-NC-4.0.html", License.CcByNc)]
    [InlineData("http://opendatacommons.org/licenses/pddl/1.0/", License.Pddl)]
    [InlineData("https://opendatacommons.org/licenses/by/", License.OdcBy)]
    [InlineData("http://dcat-ap.de/def/licenses/cc-by-nd/4.0", License.CcByNd)]
    [InlineData("https://www.kogl.or.kr/info/licenseType1.do", License.KoglType1)]
    [InlineData("공공누리 제4유형", License.KoglType4)]
    [InlineData("KOGL Type 2", License.KoglType2)]
    [InlineData("CC BY-SA 4.0", License.CcBySa)]
    [InlineData("ODbL-1.0", License.Odbl)]
    [InlineData("https://www.usa.gov/government-works", License.PublicDomain)]
    public void Known_licences_map_to_the_census_licence(string licence, License expected)
    {
        Assert.Equal(expected, CatalogLicenses.For(licence));
    }

    [Theory]
    [InlineData("http://dcat-ap.de/def/licenses/dl-by-de/2.0")]
    [InlineData("http://dcat-ap.de/def/licenses/officialWork")]
    [InlineData("https://data.exampleMS.gov/resource/FreeAndOpen")]
    [InlineData("see our terms")]
    public void Other_licences_are_not_guessed(string licence)
    {
        Assert.Null(CatalogLicenses.For(licence));
    }

    [Theory]
    [InlineData("http://publications.europa.eu/resource/authority/file-type/CSV", "csv")]
    [InlineData("http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE", "ttl")]
    [InlineData("http://publications.europa.eu/resource/authority/file-type/GEOJSON", "geojson")]
    [InlineData("https://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")]
    [InlineData("text/csv; charset=utf-8", "csv")]
    [InlineData("application/vnd.geo+json", "geojson")]
    [InlineData("XLSX", "xlsx")]
    [InlineData(".json", "json")]
    public void Formats_and_media_types_give_short_format_names(string format, string expected)
    {
        Assert.Equal(expected, FileFormats.Normalise(format));
    }

    [Theory]
    [InlineData("application/x-unknown-thing")]
    [InlineData("Esri REST API endpoint")]
    [InlineData("")]
    public void Nothing_usable_gives_no_format(string format)
    {
        Assert.Null(FileFormats.Normalise(format));
    }

    [Theory]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT", UpdateFrequency.Realtime)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/HOURLY", UpdateFrequency.Realtime)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/DAILY", UpdateFrequency.Daily)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/WEEKLY_2", UpdateFrequency.Weekly)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/BIWEEKLY", UpdateFrequency.Monthly)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/QUARTERLY", UpdateFrequency.Quarterly)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/ANNUAL_2", UpdateFrequency.Yearly)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/BIENNIAL", UpdateFrequency.Yearly)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/NEVER", UpdateFrequency.Static)]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/UNKNOWN", UpdateFrequency.Unknown)]
    [InlineData("http://purl.org/cld/freq/monthly", UpdateFrequency.Monthly)]
    [InlineData("R/P1D", UpdateFrequency.Daily)]
    [InlineData("R/PT1H", UpdateFrequency.Realtime)]
    [InlineData("R/P1W", UpdateFrequency.Weekly)]
    [InlineData("R/P3M", UpdateFrequency.Quarterly)]
    [InlineData("R/P10Y", UpdateFrequency.Yearly)]
    [InlineData("Annual", UpdateFrequency.Yearly)]
    public void Frequencies_fall_into_the_census_values(string frequency, UpdateFrequency expected)
    {
        Assert.Equal(expected, UpdateFrequencies.For(frequency));
    }

    [Theory]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/IRREG")]
    [InlineData("http://publications.europa.eu/resource/authority/frequency/AS_NEEDED")]
    [InlineData("irregular")]
    [InlineData("R/P")]
    [InlineData("sometimes")]
    public void Frequencies_without_an_equivalent_give_none(string frequency)
    {
        Assert.Null(UpdateFrequencies.For(frequency));
    }

    [Theory]
    [InlineData("http://publications.europa.eu/resource/authority/data-theme/AGRI", Sector.AgricultureFisheries)]
    [InlineData("http://publications.europa.eu/resource/authority/data-theme/ECON", Sector.Finance)]
    [InlineData("http://publications.europa.eu/resource/authority/data-theme/TECH", Sector.ScienceTechnology)]
    [InlineData("통일·외교·안보", Sector.UnificationDiplomacy)]
    [InlineData("문화 관광", Sector.CultureTourism)]
    [InlineData("식품건강", Sector.FoodHealth)]
    [InlineData("food-health", Sector.FoodHealth)]
    [InlineData("Transportation", Sector.TransportLogistics)]
    public void Themes_map_to_sectors(string theme, Sector expected)
    {
        Assert.Equal(expected, ThemeSectors.For(theme));
    }

    [Theory]
    [InlineData("GSA-2015-02-26-1", "gsa-2015-02-26-1")]
    [InlineData("https://data.exampleMS.gov/id/dataset/1T2p3o4B", "1t2p3o4b")]
    [InlineData("https://example.com/dataset/d4ce4e6e-ab89-44cb-bf5c-33a162c234de#dataset", "d4ce4e6e-ab89-44cb-bf5c-33a162c234de")]
    [InlineData("urn:uuid:0F9A2C", "0f9a2c")]
    [InlineData("  Données__Routières 2024 ", "donnees-routieres-2024")]
    [InlineData("https://data.go.kr/data/15012345/fileData.do?x=1", "filedata-do")]
    public void Identifiers_normalise_to_the_id_pattern(string identifier, string expected)
    {
        Assert.Equal(expected, DatasetIds.Normalise(identifier));
    }

    [Fact]
    public void Long_identifiers_keep_their_start_and_a_hash_of_the_whole()
    {
        var first = DatasetIds.Normalise(new string('a', 70) + "-1")!;
        var second = DatasetIds.Normalise(new string('a', 70) + "-2")!;

        Assert.True(Census.Domain.Validation.Rules.IsValidId(first));
        Assert.Equal(63, first.Length);
        Assert.StartsWith(new string('a', 54) + "-", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(first, DatasetIds.Normalise(new string('a', 70) + "-1"));
    }

    [Theory]
    [InlineData("도로교통")]
    [InlineData("x")]
    [InlineData("---")]
    public void Identifiers_with_nothing_usable_give_none(string identifier)
    {
        Assert.Null(DatasetIds.Normalise(identifier));
    }
}
