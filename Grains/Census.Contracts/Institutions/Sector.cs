namespace Census.Contracts.Institutions;

/// <summary>The sixteen public-data categories the census reports by.</summary>
public enum Sector
{
    PublicAdministration,
    ScienceTechnology,
    Education,
    TransportLogistics,
    LandManagement,
    AgricultureFisheries,
    CultureTourism,
    Law,
    HealthMedical,
    SocialWelfare,
    IndustryEmployment,
    FoodHealth,
    DisasterSafety,
    Finance,
    UnificationDiplomacy,
    EnvironmentWeather,
}
