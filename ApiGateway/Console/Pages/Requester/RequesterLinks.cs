using Census.Contracts.Access;
using Census.Domain.Validation;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Requester;

/// <summary>The requester's pages' addresses and the words of the access enumerations (RequesterText.resx, keyed by wire name).</summary>
public static class RequesterLinks
{
    public const string Home = "/console/my";

    public const string Requests = "/console/my/requests";

    public const string Grants = "/console/my/grants";

    public const string Bookings = "/console/my/bookings";

    public const string Exports = "/console/my/exports";

    public static string Request(string id) => $"{Requests}/{Uri.EscapeDataString(id)}";

    public static string NewRequest(string institutionId, string datasetId) =>
        $"{Requests}/new?institutionId={Uri.EscapeDataString(institutionId)}&datasetId={Uri.EscapeDataString(datasetId)}";

    public static string Agreements(string institutionId, string datasetId) =>
        $"/console/my/agreements/{Uri.EscapeDataString(institutionId)}/{Uri.EscapeDataString(datasetId)}";

    public static string Grant(string id) => $"{Grants}/{Uri.EscapeDataString(id)}";

    /// <summary>A granted file through the console's download route; each path segment escaped, the slashes kept.</summary>
    public static string GrantFile(string grantId, string path) =>
        $"{Grant(grantId)}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    public static string Catalogue(string institutionId, string datasetId) =>
        $"/console/catalogue/{Uri.EscapeDataString(institutionId)}/{Uri.EscapeDataString(datasetId)}";

    /// <summary>An enumeration value's words: <c>Status.changes-requested</c> → 보완 요청.</summary>
    public static string Label<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    /// <summary>
    /// A history line's action in words: the workflow's own actions, a decision with who gave it
    /// (<c>request-changes (reviewer)</c>), or an extension; anything else as recorded.
    /// </summary>
    public static string Action(IStringLocalizer text, string action)
    {
        var open = action.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && action.EndsWith(')'))
        {
            var decision = text[$"Decision.{action[..open]}"];
            var capacity = text[$"Capacity.{action[(open + 2)..^1]}"];
            if (!decision.ResourceNotFound && !capacity.ResourceNotFound)
            {
                return text["Action.Decision", decision.Value, capacity.Value];
            }
        }

        const string Extended = "due date extended by ";
        if (action.StartsWith(Extended, StringComparison.Ordinal) && action.EndsWith(" days", StringComparison.Ordinal))
        {
            return text["Action.extended", action[Extended.Length..^" days".Length]];
        }

        var known = text[$"Action.{action}"];
        return known.ResourceNotFound ? action : known.Value;
    }

    /// <summary>Whether a request still waits for an outcome (it may be withdrawn).</summary>
    public static bool IsOpen(AccessRequestStatus status) =>
        status is AccessRequestStatus.Submitted or AccessRequestStatus.InReview
            or AccessRequestStatus.ChangesRequested or AccessRequestStatus.Resubmitted;

    /// <summary>The status badge's colour class.</summary>
    public static string Tone(AccessRequestStatus status) => status switch
    {
        AccessRequestStatus.Approved => "status ok",
        AccessRequestStatus.Rejected or AccessRequestStatus.Withdrawn => "status bad",
        AccessRequestStatus.ChangesRequested => "status warn",
        _ => "status",
    };

    public static string Tone(GrantStatus status) => status == GrantStatus.Live ? "status ok" : "status bad";
}
