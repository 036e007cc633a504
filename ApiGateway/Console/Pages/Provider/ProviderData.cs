using Census.ApiGateway.Auth;
using Census.Contracts.Catalogue;
using Census.Domain.Validation;

namespace Census.ApiGateway.Console.Pages.Provider;

/// <summary>
/// The providing agency's pages: whose institution a page shows (an agency its own; an admin the one named by
/// <c>?institutionId=</c>) and the institution's released datasets, read from the one catalogue grain (hundreds of
/// entries; no call per dataset).
/// </summary>
public static class ProviderData
{
    public const string Home = "/console/agency/provision";

    public const string Settlements = "/console/agency/settlements";

    public static string Dataset(string datasetId, string institutionId, bool admin) =>
        $"{Home}/{Uri.EscapeDataString(datasetId)}{Query(institutionId, admin)}";

    /// <summary><c>?institutionId=…</c> for an admin's links (an agency's pages know its institution).</summary>
    public static string Query(string institutionId, bool admin) => admin ? "?institutionId=" + Uri.EscapeDataString(institutionId) : "";

    /// <summary>The institution the page is about, or why not: an admin names one, an agency reads its own only.</summary>
    public static (string? Institution, string? Problem) Institution(HttpContext context, string? requested)
    {
        var user = context.User;
        var institution = user.IsAdmin() ? requested : requested ?? user.FindFirst(CensusRoles.InstitutionClaim)?.Value;
        if (string.IsNullOrEmpty(institution))
        {
            return (null, "Problem.InstitutionRequired");
        }

        if (!Rules.IsValidId(institution))
        {
            return (null, "Problem.InstitutionInvalid");
        }

        return user.CanActFor(institution) ? (institution, null) : (null, "Problem.NotYourInstitution");
    }

    /// <summary>The institution's listed (released, providable) datasets, by title.</summary>
    public static async Task<IReadOnlyList<CatalogueEntry>> ReleasedAsync(IGrainFactory grains, string institutionId) =>
        [.. (await grains.GetGrain<ICatalogueGrain>(CatalogueKeys.Instance).All())
            .Where(e => e.InstitutionId == institutionId)
            .OrderBy(e => e.Title, StringComparer.Ordinal)];

    /// <summary>An enumeration value's words (ProviderText.resx, keyed by wire name): <c>Pricing.per-download</c> → 건당 요금.</summary>
    public static string Label<TEnum>(Microsoft.Extensions.Localization.IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    /// <summary>The current month (UTC, as the ledger counts months), yyyy-MM.</summary>
    public static string ThisMonth(TimeProvider clock) => clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
