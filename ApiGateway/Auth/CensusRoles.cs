namespace Census.ApiGateway.Auth;

/// <summary>The two roles of the API and the claims a caller carries.</summary>
public static class CensusRoles
{
    public const string Admin = "admin";
    public const string Agency = "agency";

    /// <summary>Policy: admin keys only.</summary>
    public const string AdminPolicy = "census-admin";

    /// <summary>Policy: any valid key; routes then check the institution themselves.</summary>
    public const string MemberPolicy = "census-member";

    /// <summary>Claim naming the institution an agency key belongs to.</summary>
    public const string InstitutionClaim = "census:institution";

    /// <summary>Claim naming who acts, for audit: <c>admin</c> (the same for every admin key) or <c>agency:&lt;institution&gt;/&lt;key&gt;</c>.</summary>
    public const string ActorClaim = "census:actor";
}
