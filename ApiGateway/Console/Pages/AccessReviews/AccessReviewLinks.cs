using System.Text.RegularExpressions;
using Census.ApiGateway.Console.Resources;
using Census.Domain.Validation;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.AccessReviews;

/// <summary>
/// The access-review pages' addresses, the words of the access enumerations (AccessReviewText.resx, keyed by wire name),
/// and the access API's refusals in the reader's language: the API answers in English, the console shows its words.
/// </summary>
public static partial class AccessReviewLinks
{
    public const string Queue = "/console/access-reviews";

    public static string Review(string id) => $"{Queue}/{id}";

    /// <summary>An enumeration value's words: <c>Status.changes-requested</c> → 보완 요청.</summary>
    public static string Label<TEnum>(IStringLocalizer text, string prefix, TEnum value)
        where TEnum : struct, Enum => text[$"{prefix}.{Names.Of(value)}"];

    /// <summary>A history entry's action ("approve (reviewer)", "due date extended by 3 days", "submitted") in words.</summary>
    public static string Action(IStringLocalizer<AccessReviewText> text, string action)
    {
        if (DecisionAction().Match(action) is { Success: true } decision)
        {
            return $"{text["Decision." + decision.Groups[1].Value]} ({text["Decider." + decision.Groups[2].Value]})";
        }

        if (ExtensionAction().Match(action) is { Success: true } extension)
        {
            return text["History.extended", extension.Groups[1].Value];
        }

        var known = text["History." + action];
        return known.ResourceNotFound ? action : known.Value;
    }

    private static readonly (string Detail, string Key)[] Refusals =
    [
        ("This request is not one of the caller's.", "Problem.NotYours"),
        ("A reviewer of the requester's organisation cannot decide its request.", "Problem.OwnOrganisation"),
        ("A reviewer of the providing institution cannot be the request's reviewer.", "Problem.ProvidingReviewer"),
        ("Approval needs the providing institution and a reviewer; an admin may reject or ask for changes.", "Problem.AdminApproves"),
        ("The providing institution has approved already.", "Problem.AgencyApproved"),
        ("Changes were requested: the requester resubmits before the next decision.", "Problem.ChangesRequested"),
        ("The due date was extended once already; it is extended only once.", "Problem.ExtendedOnce"),
        ("Only the providing institution's agency or an admin extends a request's due date.", "Problem.ExtendWho"),
        ("Only the providing institution's agency or an admin revokes a grant.", "Problem.RevokeWho"),
        ("Only the providing institution, a reviewer or an admin decides a request.", "Problem.DecideWho"),
        ("A reviewer decides with their own key.", "Problem.ReviewerKey"),
        ("This grant is not one of the caller's.", "Problem.NotYours"),
    ];

    /// <summary>A problem's detail in the reader's language: the access refusals here, field messages through <see cref="ConsoleProblems"/>.</summary>
    public static string Problem(string detail, IStringLocalizer<AccessReviewText> text, IStringLocalizer<ConsoleText> common)
    {
        foreach (var (known, key) in Refusals)
        {
            if (detail == known)
            {
                return text[key];
            }
        }

        if (ReviewerApproved().Match(detail) is { Success: true } approved)
        {
            return text["Problem.ReviewerApproved", approved.Groups[1].Value];
        }

        if (Range().Match(detail) is { Success: true } range)
        {
            return text["Problem.Range", range.Groups[1].Value, range.Groups[2].Value];
        }

        return ConsoleProblems.Message(detail, common);
    }

    /// <summary>A problem's field errors by path, each message in the reader's language.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(
        Microsoft.AspNetCore.Mvc.ProblemDetails problem, IStringLocalizer<AccessReviewText> text, IStringLocalizer<ConsoleText> common) =>
        problem is Microsoft.AspNetCore.Http.HttpValidationProblemDetails validation
            ? validation.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Problem(m, text, common)).ToArray(), StringComparer.Ordinal)
            : new Dictionary<string, string[]>(StringComparer.Ordinal);

    [GeneratedRegex(@"^(approve|reject|request-changes) \((agency|reviewer|admin)\)$")] private static partial Regex DecisionAction();
    [GeneratedRegex(@"^due date extended by (\d+) days$")] private static partial Regex ExtensionAction();
    [GeneratedRegex(@"^A reviewer \((.+)\) has approved already; one reviewer's approval is needed\.$")] private static partial Regex ReviewerApproved();
    [GeneratedRegex(@"^must be (\d+)–(\d+)\.$")] private static partial Regex Range();
}
