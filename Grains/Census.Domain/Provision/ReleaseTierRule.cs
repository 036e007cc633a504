using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Domain.Provision;

/// <summary>
/// The versioned rule that gives a released dataset its tier from the delivered record and the de-identification
/// evidence (provision.md §1). The clauses are tried in order and the first that matches decides; a new reading of
/// any clause is a new <see cref="Version"/>, so a stored decision always says which rule made it.
/// </summary>
public static class ReleaseTierRule
{
    public const int Version = 1;

    /// <summary>
    /// The tier of a validated delivered record. <paramref name="deidentificationPassed"/>: the latest de-identification
    /// evidence passed its policy (false when there is none). A required member that is somehow missing is read the
    /// restrictive way (not lawful, licence unknown, personal data present).
    /// </summary>
    public static TierDecision Decide(SurveyRecord delivered, bool deidentificationPassed)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var afterProcessing = delivered.Availability?.AfterProcessing;
        var license = delivered.License ?? License.Unknown;
        var personalData = delivered.PersonalData?.Status is not PersonalDataStatus.None;
        var sensitive = delivered.PersonalData?.Sensitive != false;

        if (delivered.LawfulToProvide != true)
        {
            return Tier(ReleaseTier.NotProvidable, 1, "Providing the data is not lawful (lawfulToProvide is false).");
        }

        if (license == License.Unknown)
        {
            return Tier(ReleaseTier.NotProvidable, 1, "The licence is unknown.");
        }

        if (delivered.ThirdPartyRights is not (ThirdPartyRights.None or ThirdPartyRights.Cleared))
        {
            return Tier(ReleaseTier.NotProvidable, 1, "Third-party rights are not cleared.");
        }

        if (afterProcessing is not (AvailabilityScope.Open or AvailabilityScope.Restricted or AvailabilityScope.SafeZoneOnly))
        {
            return Tier(ReleaseTier.NotProvidable, 1, "The record says the data is not providable after processing.");
        }

        if (personalData && !deidentificationPassed)
        {
            return Tier(ReleaseTier.SafeZoneOnly, 2, "Personal data remains and no de-identification evidence has passed the policy.");
        }

        if (personalData && sensitive)
        {
            return Tier(ReleaseTier.SafeZoneOnly, 2, "Sensitive personal data remains, even though de-identified.");
        }

        if (afterProcessing == AvailabilityScope.SafeZoneOnly)
        {
            return Tier(ReleaseTier.SafeZoneOnly, 2, "The record says the data is available only in a safe zone after processing.");
        }

        if (afterProcessing == AvailabilityScope.Restricted)
        {
            return Tier(ReleaseTier.Restricted, 3, "The record says the data is restricted after processing.");
        }

        if (personalData)
        {
            return Tier(ReleaseTier.Restricted, 3, "Personal data was de-identified and passed; pseudonymised data is never open.");
        }

        if (Licences.IsNonCommercialOrProprietary(license))
        {
            return Tier(ReleaseTier.Restricted, 3, "The licence is non-commercial or proprietary.");
        }

        return Tier(ReleaseTier.Open, 4, "Lawful, licensed for any use, rights cleared and no personal data: open.");
    }

    /// <summary>
    /// Whether an admin may set <paramref name="chosen"/> where the rule gave <paramref name="ruled"/>: the same tier or
    /// a more restrictive one among open, restricted and safe-zone-only — never a less restrictive one, and a
    /// not-providable dataset stays not-providable.
    /// </summary>
    public static bool MayChoose(ReleaseTier ruled, ReleaseTier chosen) =>
        ruled == ReleaseTier.NotProvidable
            ? chosen == ReleaseTier.NotProvidable
            : chosen is ReleaseTier.Open or ReleaseTier.Restricted or ReleaseTier.SafeZoneOnly && chosen >= ruled;

    private static TierDecision Tier(ReleaseTier tier, int clause, string reason) => new(tier, Version, clause, reason);
}
