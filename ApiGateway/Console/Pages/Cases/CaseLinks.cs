using Census.Contracts.Provision;
using Census.Domain.Validation;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Cases;

/// <summary>The case pages' addresses and the words of the case enumerations (CaseText.resx, keyed by wire name).</summary>
public static class CaseLinks
{
    public static string List(string roundId) => $"/console/rounds/{roundId}/cases";

    public static string Case(string roundId, string institutionId, string datasetId) =>
        $"/console/rounds/{roundId}/institutions/{institutionId}/datasets/{datasetId}/case";

    public static string Of(CaseSummary summary) => Case(summary.RoundId, summary.InstitutionId, summary.DatasetId);

    /// <summary>An enumeration value's words: <c>Status.in-review</c> → 적정성 검토 중.</summary>
    public static string Label<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    /// <summary>A decimal figure as the API gives it, in the reader's culture.</summary>
    public static string Figure(decimal value) => value.ToString("0.######", System.Globalization.CultureInfo.CurrentCulture);
}
