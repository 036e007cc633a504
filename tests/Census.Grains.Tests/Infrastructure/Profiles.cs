namespace Census.Grains.Tests.Infrastructure;

/// <summary>Validated institution profiles for tests: <c>Profiles.Valid(id) with { … }</c>.</summary>
internal static class Profiles
{
    public static InstitutionProfile Valid(string id) => new(
        id,
        "행정안전부",
        "Ministry of the Interior and Safety",
        InstitutionKind.CentralGovernment,
        Sector.PublicAdministration,
        "data@mois.go.kr");
}
