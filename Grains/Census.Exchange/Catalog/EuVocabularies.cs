using Census.Contracts.Institutions;
using Census.Contracts.Surveys;

namespace Census.Exchange.Catalog;

/// <summary>
/// The census's enumerations → the controlled vocabularies DCAT-AP 3.0.1 asks for (the EU Publications
/// Office authority tables) and the licences' canonical IRIs. Every sector has an EU data theme that fits;
/// the choice for each is written beside it.
/// </summary>
public static class EuVocabularies
{
    public const string DataThemeScheme = "http://publications.europa.eu/resource/authority/data-theme";
    public const string AccessRightScheme = "http://publications.europa.eu/resource/authority/access-right";

    /// <summary>A concept of an authority table: its code and English label.</summary>
    public sealed record Concept(string Code, string Label);

    /// <summary>A licence: its IRI and a label.</summary>
    public sealed record Licence(string Iri, string Label);

    public static IReadOnlyList<Concept> Themes(Sector sector) => sector switch
    {
        Sector.PublicAdministration => [Gove],
        Sector.ScienceTechnology => [Tech],
        Sector.Education => [Educ],
        Sector.TransportLogistics => [Tran],
        // Land management is spatial planning and cadastre: "Regions and cities".
        Sector.LandManagement => [Regi],
        Sector.AgricultureFisheries => [Agri],
        // Culture falls under "Education, culture and sport"; tourism has no theme of its own.
        Sector.CultureTourism => [Educ],
        Sector.Law => [Just],
        Sector.HealthMedical => [Heal],
        Sector.SocialWelfare => [Soci],
        Sector.IndustryEmployment => [Econ],
        // Food safety is both "Agriculture, fisheries, forestry and food" and "Health".
        Sector.FoodHealth => [Agri, Heal],
        // "Justice, legal system and public safety" is the EU theme of public safety and civil protection.
        Sector.DisasterSafety => [Just],
        Sector.Finance => [Econ],
        Sector.UnificationDiplomacy => [Intr],
        Sector.EnvironmentWeather => [Envi],
        _ => throw new ArgumentOutOfRangeException(nameof(sector), sector, "Unknown sector."),
    };

    /// <summary>
    /// availability.afterProcessing → EU access right: open → PUBLIC; restricted and safe-zone-only (access
    /// under conditions, on request) → RESTRICTED; not-providable → NON_PUBLIC (gate G3 keeps such records
    /// out of a selection, so it appears only for completeness).
    /// </summary>
    public static Concept AccessRight(AvailabilityScope scope) => scope switch
    {
        AvailabilityScope.Open => new("PUBLIC", "public"),
        AvailabilityScope.Restricted or AvailabilityScope.SafeZoneOnly => new("RESTRICTED", "restricted"),
        AvailabilityScope.NotProvidable => new("NON_PUBLIC", "non-public"),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown availability."),
    };

    /// <summary>
    /// The licence's canonical IRI: KOGL types at kogl.or.kr, Creative Commons 4.0 (the version the census
    /// assumes for "cc-by" and kin), Open Data Commons 1.0, the CC Public Domain Mark for public-domain.
    /// Proprietary terms and unknown have no public IRI: null (the caller names its own terms document).
    /// </summary>
    public static Licence? LicenceOf(License license) => license switch
    {
        License.KoglType1 => new("https://www.kogl.or.kr/info/licenseType1.do", "KOGL Type 1"),
        License.KoglType2 => new("https://www.kogl.or.kr/info/licenseType2.do", "KOGL Type 2"),
        License.KoglType3 => new("https://www.kogl.or.kr/info/licenseType3.do", "KOGL Type 3"),
        License.KoglType4 => new("https://www.kogl.or.kr/info/licenseType4.do", "KOGL Type 4"),
        License.Cc0 => new("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        License.CcBy => new("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
        License.CcBySa => new("https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
        License.CcByNc => new("https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"),
        License.CcByNd => new("https://creativecommons.org/licenses/by-nd/4.0/", "CC BY-ND 4.0"),
        License.CcByNcSa => new("https://creativecommons.org/licenses/by-nc-sa/4.0/", "CC BY-NC-SA 4.0"),
        License.CcByNcNd => new("https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0"),
        License.OdcBy => new("https://opendatacommons.org/licenses/by/1-0/", "ODC-By 1.0"),
        License.Odbl => new("https://opendatacommons.org/licenses/odbl/1-0/", "ODbL 1.0"),
        License.Pddl => new("https://opendatacommons.org/licenses/pddl/1-0/", "PDDL 1.0"),
        License.PublicDomain => new("https://creativecommons.org/publicdomain/mark/1.0/", "Public Domain Mark 1.0"),
        License.Proprietary or License.Unknown => null,
        _ => throw new ArgumentOutOfRangeException(nameof(license), license, "Unknown licence."),
    };

    private static readonly Concept Agri = new("AGRI", "Agriculture, fisheries, forestry and food");
    private static readonly Concept Econ = new("ECON", "Economy and finance");
    private static readonly Concept Educ = new("EDUC", "Education, culture and sport");
    private static readonly Concept Envi = new("ENVI", "Environment");
    private static readonly Concept Gove = new("GOVE", "Government and public sector");
    private static readonly Concept Heal = new("HEAL", "Health");
    private static readonly Concept Intr = new("INTR", "International issues");
    private static readonly Concept Just = new("JUST", "Justice, legal system and public safety");
    private static readonly Concept Regi = new("REGI", "Regions and cities");
    private static readonly Concept Soci = new("SOCI", "Population and society");
    private static readonly Concept Tech = new("TECH", "Science and technology");
    private static readonly Concept Tran = new("TRAN", "Transport");
}
