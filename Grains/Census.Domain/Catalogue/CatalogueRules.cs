using Census.Contracts.Catalogue;
using Census.Contracts.Common;
using Census.Contracts.Provision;
using Census.Contracts.Releases;
using Census.Domain.Releases;
using Census.Domain.Validation;

namespace Census.Domain.Catalogue;

/// <summary>
/// What the public catalogue shows (provision.md §2 "Public catalogue"): a dataset with at least one published version
/// and a tier other than not-providable; the search over it; a release history in catalogue form.
/// </summary>
public static class CatalogueRules
{
    /// <summary>The longest free-text search accepted, in characters.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Whether an entry is shown at all: released (a published version) and providable.</summary>
    public static bool IsListed(CatalogueEntry entry) =>
        entry.Tier != ReleaseTier.NotProvidable && entry.Versions.Count > 0;

    /// <summary>Whether a dataset key is <c>{institutionId}/{datasetId}</c> of two well-formed ids.</summary>
    public static bool IsDatasetKey(string? key) =>
        key?.Split('/') is [var institutionId, var datasetId] && Rules.IsValidId(institutionId) && Rules.IsValidId(datasetId);

    /// <summary>Whether a listed entry matches every filter and the text (case-insensitive, in title, description, publisher or ids).</summary>
    public static bool Matches(CatalogueEntry entry, CatalogueQuery query) =>
        (query.Sector is not { } sector || entry.Sector == sector) &&
        (query.Modality is not { } modality || entry.Modality == modality) &&
        (query.Tier is not { } tier || entry.Tier == tier) &&
        (string.IsNullOrWhiteSpace(query.Text) || Contains(entry, query.Text.Trim()));

    /// <summary>The page of listed entries matching the query, by title then key.</summary>
    public static Page<CatalogueEntry> Search(IEnumerable<CatalogueEntry> entries, CatalogueQuery query)
    {
        var matching = entries
            .Where(e => IsListed(e) && Matches(e, query))
            .OrderBy(e => e.Title, StringComparer.Ordinal)
            .ThenBy(e => CatalogueKeys.Dataset(e.InstitutionId, e.DatasetId), StringComparer.Ordinal)
            .ToList();
        return new Page<CatalogueEntry>([.. Paging.Slice(matching, query.Page, query.PageSize)], query.Page, query.PageSize, matching.Count);
    }

    /// <summary>The published versions of a release history, newest first, each with its manifest in summary.</summary>
    public static IReadOnlyList<CatalogueVersion> Versions(IEnumerable<Release> releases) =>
        [.. releases
            .Where(r => r.State == ReleaseState.Published && r.PublishedAt is not null)
            .OrderBy(r => r.Version, Comparer<string>.Create(ReleaseVersions.CompareNewestFirst))
            .Select(r => new CatalogueVersion(
                r.Version, r.PublishedAt!.Value, r.Files.Count, r.TotalBytes,
                [.. r.Files.Select(f => new CatalogueFile(f.Path, f.Bytes, f.Sha256))], r.Notes))];

    /// <summary>The approved-uses register with <paramref name="use"/> added, or replacing the entry of the same request.</summary>
    public static IReadOnlyList<ApprovedUse> WithUse(IReadOnlyList<ApprovedUse> uses, ApprovedUse use) =>
        [.. uses.Where(u => u.RequestId != use.RequestId), use];

    private static bool Contains(CatalogueEntry entry, string text) =>
        entry.Title.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        (entry.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) ||
        entry.InstitutionName.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        entry.InstitutionId.Contains(text, StringComparison.OrdinalIgnoreCase) ||
        entry.DatasetId.Contains(text, StringComparison.OrdinalIgnoreCase);
}
