namespace Census.ApiGateway.Auth;

/// <summary>The roles of the API and the claims a caller carries.</summary>
public static class CensusRoles
{
    public const string Admin = "admin";
    public const string Agency = "agency";

    // A registered principal's role is its PrincipalRole's wire name.
    public const string Reviewer = "reviewer";
    public const string Requester = "requester";
    public const string ZoneOperator = "zone-operator";
    public const string OutputChecker = "output-checker";

    /// <summary>Policy: admins, agencies and reviewers: the processing cases' routes, which then check the case themselves.</summary>
    public const string ProvisionPolicy = "census-provision";

    /// <summary>
    /// Policy: who uploads content: admins and agencies (release files), requesters and zone operators (the files of an
    /// export from a safe zone). A blob means nothing until a release or an export that the caller may write names it.
    /// </summary>
    public const string UploadPolicy = "census-upload";

    /// <summary>Policy: requester keys only.</summary>
    public const string RequesterPolicy = "census-requester";

    /// <summary>Policy: the parties of access requests and grants (admin, agency, reviewer, requester); routes then check the request or grant themselves.</summary>
    public const string AccessPolicy = "census-access";

    /// <summary>Policy: reviewer keys only.</summary>
    public const string ReviewerPolicy = "census-reviewer";

    /// <summary>Policy: requester keys only: booking safe zones, listing one's bookings.</summary>
    public const string SafeZoneRequesterPolicy = "census-safe-zone-requester";

    /// <summary>Policy: admins and zone operators: closures, a day's bookings, check-in and check-out, which then check the site's operators.</summary>
    public const string SafeZoneStaffPolicy = "census-safe-zone-staff";

    /// <summary>Policy: admins, zone operators and requesters: a booking's routes, which then check whose it is.</summary>
    public const string SafeZonePolicy = "census-safe-zone";

    /// <summary>Claim naming the principal a principal key belongs to.</summary>
    public const string PrincipalClaim = "census:principal";

    /// <summary>Claim naming the organisation of a principal.</summary>
    public const string OrganisationClaim = "census:organisation";

    /// <summary>Policy: admin keys only.</summary>
    public const string AdminPolicy = "census-admin";

    /// <summary>Policy: any valid key; routes then check the institution themselves.</summary>
    public const string MemberPolicy = "census-member";

    /// <summary>Claim naming the institution an agency key belongs to.</summary>
    public const string InstitutionClaim = "census:institution";

    /// <summary>Claim naming who acts, for audit: <c>admin</c> (the same for every admin key) or <c>agency:&lt;institution&gt;/&lt;key&gt;</c>.</summary>
    public const string ActorClaim = "census:actor";
}
