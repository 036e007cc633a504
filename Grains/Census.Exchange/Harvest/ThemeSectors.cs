using System.Text;
using Census.Contracts.Institutions;

namespace Census.Exchange.Harvest;

/// <summary>
/// A catalogue theme → the census sector (the sixteen Korean public-data categories). Understood: the EU
/// data themes (<c>…/authority/data-theme/ENVI</c>, by IRI or code), the Korean category names
/// (<c>환경기상</c>, spaces and <c>·</c> ignored), their English names, and our own kebab-case names.
/// The EU themes are broader than ours, so each goes to the category that holds most of what it covers:
/// ECON → finance, EDUC (education, culture, sport) → education, ENER → industry-employment,
/// INTR → unification-diplomacy, JUST → law, REGI → land-management, SOCI → social-welfare.
/// </summary>
public static class ThemeSectors
{
    private static readonly Dictionary<string, Sector> ByName = Build();

    public static Sector? For(string theme)
    {
        var text = theme.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Contains("/data-theme/", StringComparison.OrdinalIgnoreCase))
        {
            text = text[(text.LastIndexOf('/') + 1)..];
        }

        return ByName.TryGetValue(Key(text), out var sector) ? sector : null;
    }

    private static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static Dictionary<string, Sector> Build()
    {
        var names = new (Sector Sector, string[] Names)[]
        {
            (Sector.PublicAdministration, ["GOVE", "공공행정", "Public administration", "Government and public sector", "Government"]),
            (Sector.ScienceTechnology, ["TECH", "과학기술", "Science and technology", "Science"]),
            (Sector.Education, ["EDUC", "교육", "Education", "Education, culture and sport"]),
            (Sector.TransportLogistics, ["TRAN", "교통물류", "교통및물류", "Transport", "Transportation", "Transport and logistics"]),
            (Sector.LandManagement, ["REGI", "국토관리", "Land management", "Regions and cities"]),
            (Sector.AgricultureFisheries, ["AGRI", "농축수산", "Agriculture", "Agriculture, fisheries, forestry and food", "Agriculture and fisheries"]),
            (Sector.CultureTourism, ["문화관광", "Culture and tourism", "Tourism"]),
            (Sector.Law, ["JUST", "법률", "Law", "Justice, legal system and public safety", "Justice"]),
            (Sector.HealthMedical, ["HEAL", "보건의료", "Health", "Health and medical"]),
            (Sector.SocialWelfare, ["SOCI", "사회복지", "Social welfare", "Population and society"]),
            (Sector.IndustryEmployment, ["ENER", "산업고용", "Industry and employment", "Energy"]),
            (Sector.FoodHealth, ["식품건강", "Food and health", "Food"]),
            (Sector.DisasterSafety, ["재난안전", "Disaster and safety", "Public safety"]),
            (Sector.Finance, ["ECON", "재정금융", "Finance", "Economy and finance"]),
            (Sector.UnificationDiplomacy, ["INTR", "통일외교안보", "통일외교", "Unification and diplomacy", "International issues"]),
            (Sector.EnvironmentWeather, ["ENVI", "환경기상", "Environment", "Environment and weather"]),
        };
        var byName = new Dictionary<string, Sector>(StringComparer.Ordinal);
        foreach (var (sector, list) in names)
        {
            byName[Key(KebabName(sector))] = sector;
            foreach (var name in list)
            {
                byName[Key(name)] = sector;
            }
        }

        return byName;
    }

    private static string KebabName(Sector sector) =>
        string.Concat(sector.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
