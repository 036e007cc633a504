namespace Census.Domain.Tests.Institutions;

/// <summary>Registration bodies for tests: start from a valid one and change what the test is about.</summary>
internal static class Registrations
{
    public static InstitutionRegistration Valid() => new()
    {
        Id = "mois",
        Name = "행정안전부",
        NameEn = "Ministry of the Interior and Safety",
        Kind = InstitutionKind.CentralGovernment,
        Sector = Sector.PublicAdministration,
        ContactEmail = "data@mois.go.kr",
    };
}
