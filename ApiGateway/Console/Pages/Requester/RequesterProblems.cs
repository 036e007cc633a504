using System.Text.RegularExpressions;
using Census.ApiGateway.Console.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console.Pages.Requester;

/// <summary>
/// The access rules' problems in the console's language, each tied to the form field it is about. The API words
/// several refusals as a problem's detail without a field (a licence that excludes the purpose, an agreement not yet
/// accepted, unknown analysts); the request form shows them next to the field they concern all the same. A wording
/// without an entry is shown as the API wrote it, so nothing a rule says is ever hidden.
/// </summary>
public static partial class RequesterProblems
{
    /// <summary>The problem's messages by form field, and what is said at the top without a field.</summary>
    public static (IReadOnlyDictionary<string, string[]> Errors, string? Message) Of(
        ProblemDetails problem, IStringLocalizer<RequesterText> words, IStringLocalizer<ConsoleText> shared)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (path, messages) in validation.Errors)
            {
                var field = Field(path);
                var said = messages.Select(m => FieldMessage(m, words, shared));
                errors[field] = errors.TryGetValue(field, out var before) ? [.. before, .. said] : [.. said];
            }

            return (errors, null);
        }

        var detail = problem.Detail ?? problem.Title ?? "";
        foreach (var (pattern, field, key) in Refusals)
        {
            var match = pattern.Match(detail);
            if (match.Success)
            {
                var text = words[key, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]].Value;
                if (field is null)
                {
                    return (errors, text);
                }

                errors[field] = [text];
                return (errors, null);
            }
        }

        return (errors, ConsoleProblems.Message(detail, shared));
    }

    /// <summary>A problem as one sentence (a page's notice rather than a form field).</summary>
    public static string Message(ProblemDetails problem, IStringLocalizer<RequesterText> words, IStringLocalizer<ConsoleText> shared)
    {
        var (errors, message) = Of(problem, words, shared);
        return message ?? string.Join(" ", errors.Values.SelectMany(m => m));
    }

    /// <summary>A JSON path's form field: <c>analysts[2]</c> is the analysts box.</summary>
    private static string Field(string path) => path.IndexOf('[', StringComparison.Ordinal) is var i and > 0 ? path[..i] : path;

    private static string FieldMessage(string message, IStringLocalizer<RequesterText> words, IStringLocalizer<ConsoleText> shared)
    {
        foreach (var (pattern, key) in FieldRules)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return words[key, [.. match.Groups.Values.Skip(1).Select(g => (object)g.Value)]].Value;
            }
        }

        return ConsoleProblems.Message(message, shared);
    }

    private static readonly (Regex Pattern, string Key)[] FieldRules =
    [
        (PeriodSafeZone(), "Problem.PeriodSafeZone"),
        (PeriodMax(), "Problem.PeriodMax"),
        (PeriodMin(), "Problem.PeriodMin"),
        (PurposeText(), "Problem.PurposeText"),
        (NoAnalyst(), "Problem.NoAnalyst"),
        (TooManyAnalysts(), "Problem.TooManyAnalysts"),
        (NotBlank(), "Problem.NotBlank"),
    ];

    private static readonly (Regex Pattern, string? Field, string Key)[] Refusals =
    [
        (LicenceExcludes(), "purpose", "Problem.LicenceExcludes"),
        (AcceptFirst(), "agreementVersion", "Problem.AcceptFirst"),
        (NoAgreementYet(), "agreementVersion", "Problem.NoAgreement"),
        (UnknownAnalyst(), "analysts", "Problem.UnknownAnalyst"),
        (NotPublished(), "version", "Problem.NotPublished"),
        (Unverified(), null, "Problem.Unverified"),
        (OpenNeedsNoRequest(), null, "Problem.OpenNeedsNoRequest"),
        (NotProvidable(), null, "Problem.NotProvidable"),
        (NotCurrentAgreement(), null, "Problem.NotCurrentAgreement"),
        (WrongState(), null, "Problem.WrongState"),
    ];

    [GeneratedRegex(@"^must be at most (\d+) days of use for safe-zone-only data\.$")] private static partial Regex PeriodSafeZone();
    [GeneratedRegex(@"^must be at most (\d+) days\.$")] private static partial Regex PeriodMax();
    [GeneratedRegex(@"^must be at least 1 day\.$")] private static partial Regex PeriodMin();
    [GeneratedRegex(@"^is required when the purpose is other\.$")] private static partial Regex PurposeText();
    [GeneratedRegex(@"^must name at least one registered requester\.$")] private static partial Regex NoAnalyst();
    [GeneratedRegex(@"^must name at most (\d+) people\.$")] private static partial Regex TooManyAnalysts();
    [GeneratedRegex(@"^must not be blank\.$")] private static partial Regex NotBlank();
    [GeneratedRegex(@"licence \((.+)\) excludes commercial use")] private static partial Regex LicenceExcludes();
    [GeneratedRegex(@"^Accept agreement version (\d+) for ")] private static partial Regex AcceptFirst();
    [GeneratedRegex(@"has no agreement for .+ data yet")] private static partial Regex NoAgreementYet();
    [GeneratedRegex(@"'([^']+)' is not a registered requester of ")] private static partial Regex UnknownAnalyst();
    [GeneratedRegex(@"has no published release version '(.*)'")] private static partial Regex NotPublished();
    [GeneratedRegex(@"is not yet verified by an admin")] private static partial Regex Unverified();
    [GeneratedRegex(@"^Open data needs no request")] private static partial Regex OpenNeedsNoRequest();
    [GeneratedRegex(@"^This dataset is not providable\.$")] private static partial Regex NotProvidable();
    [GeneratedRegex(@"is not the current agreement for .+; the current one is version (\d+)\.$")] private static partial Regex NotCurrentAgreement();
    [GeneratedRegex(@"^The request is ([a-z-]+)[;:]")] private static partial Regex WrongState();
}
