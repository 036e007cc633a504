using Census.Contracts.Surveys;

namespace Census.Domain.Provision;

/// <summary>What a licence allows, as the tier rule and the access rules read it.</summary>
public static class Licences
{
    private static readonly HashSet<License> NonCommercialOrProprietary =
    [
        License.CcByNc, License.CcByNcSa, License.CcByNcNd, License.KoglType2, License.KoglType4, License.Proprietary,
    ];

    /// <summary>True when the licence forbids commercial use, or is proprietary (commercial use only by separate contract).</summary>
    public static bool IsNonCommercialOrProprietary(License license) => NonCommercialOrProprietary.Contains(license);
}
