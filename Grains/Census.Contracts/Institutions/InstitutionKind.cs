namespace Census.Contracts.Institutions;

/// <summary>What kind of public body an institution is.</summary>
public enum InstitutionKind
{
    CentralGovernment,
    LocalGovernment,
    PublicInstitution,
    EducationResearch,
    Other,
}
