using Census.Contracts.Catalogue;
using Census.Domain.Validation;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Catalogue;

/// <summary>The catalogue pages' addresses and the words of their enumeration values (CatalogueText.resx, keyed by wire name).</summary>
public static class CatalogueLinks
{
    public const string List = "/console/catalogue";

    public static string Of(CatalogueEntry entry) => $"{List}/{entry.InstitutionId}/{entry.DatasetId}";

    /// <summary>An enumeration value's words: <c>Tier.safe-zone-only</c> → 안심구역 전용.</summary>
    public static string Label<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    /// <summary>An approved use's purpose (a wire name from the access request) in words; an unknown one as it is.</summary>
    public static string Purpose(IStringLocalizer text, string purpose) =>
        text["Purpose." + purpose] is { ResourceNotFound: false } known ? known.Value : purpose;
}
