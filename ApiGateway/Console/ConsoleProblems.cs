using System.Text.RegularExpressions;
using Census.ApiGateway.Console.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Census.ApiGateway.Console;

/// <summary>
/// The API's problem details in the console's language. The rules word their field errors in English (the API's
/// contract); each known wording has a resx entry (<c>Problem.*</c>), its values carried over. A wording without an
/// entry is shown as the API wrote it, so nothing a rule says is ever hidden.
/// </summary>
public static partial class ConsoleProblems
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (Required(), "Problem.Required"),
        (IdPattern(), "Problem.IdPattern"),
        (MaxCharacters(), "Problem.MaxCharacters"),
        (MaxBytes(), "Problem.MaxBytes"),
        (ControlCharacters(), "Problem.ControlCharacters"),
        (Email(), "Problem.Email"),
        (MaxItems(), "Problem.MaxItems"),
        (UnknownValue(), "Problem.UnknownValue"),
        (ZeroOrMore(), "Problem.ZeroOrMore"),
        (OneOrMore(), "Problem.OneOrMore"),
        (ErrorRateRequired(), "Problem.ErrorRateRequired"),
        (BetweenZeroAndOne(), "Problem.BetweenZeroAndOne"),
        (CoverageOrder(), "Problem.CoverageOrder"),
        (ListedTwice(), "Problem.ListedTwice"),
        (Between(), "Problem.Between"),
        (WeightsSum(), "Problem.WeightsSum"),
        (SectorMinAboveMax(), "Problem.SectorMinAboveMax"),
        (AtLeastOneInstitution(), "Problem.AtLeastOneInstitution"),
        (WholeNumber(), "Problem.WholeNumber"),
        (Number(), "Problem.Number"),
        (Date(), "Problem.Date"),
        (TrueOrFalse(), "Problem.TrueOrFalse"),
        (OneOf(), "Problem.OneOf"),
    ];

    /// <summary>One message of the API (a field error's text, or a problem's detail) in the request's language.</summary>
    public static string Message(string message, IStringLocalizer<ConsoleText> text)
    {
        foreach (var (pattern, key) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var values = match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray();
                var localized = text[key, values];
                return localized.ResourceNotFound ? message : localized.Value;
            }
        }

        return message;
    }

    /// <summary>A problem's field errors by path, each message in the request's language.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(ProblemDetails problem, IStringLocalizer<ConsoleText> text) =>
        problem is HttpValidationProblemDetails validation
            ? validation.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => Message(m, text)).ToArray(), StringComparer.Ordinal)
            : new Dictionary<string, string[]>(StringComparer.Ordinal);

    [GeneratedRegex(@"^is required\.?$")] private static partial Regex Required();
    [GeneratedRegex(@"^must match (.+)\.$")] private static partial Regex IdPattern();
    [GeneratedRegex(@"^must be at most (\d+) characters \(got (\d+)\)\.$")] private static partial Regex MaxCharacters();
    [GeneratedRegex(@"^must be at most (\d+) bytes in UTF-8 \(got (\d+)\)\.$")] private static partial Regex MaxBytes();
    [GeneratedRegex(@"^must not contain control characters\.$")] private static partial Regex ControlCharacters();
    [GeneratedRegex(@"^must be an e-mail address\.$")] private static partial Regex Email();
    [GeneratedRegex(@"^must have at most (\d+) items \(got (\d+)\)\.$")] private static partial Regex MaxItems();
    [GeneratedRegex(@"^is not a known value\.$")] private static partial Regex UnknownValue();
    [GeneratedRegex(@"^must be 0 or more\.$")] private static partial Regex ZeroOrMore();
    [GeneratedRegex(@"^must be 1 or more\.$")] private static partial Regex OneOrMore();
    [GeneratedRegex(@"^is required when quality\.assessed is true\.$")] private static partial Regex ErrorRateRequired();
    [GeneratedRegex(@"^must be between 0 and 1\.$")] private static partial Regex BetweenZeroAndOne();
    [GeneratedRegex(@"^must not be after coverage\.to\.$")] private static partial Regex CoverageOrder();
    [GeneratedRegex(@"^is listed twice\.$")] private static partial Regex ListedTwice();
    [GeneratedRegex(@"^must be between (\d+) and (\d+)\.$")] private static partial Regex Between();
    [GeneratedRegex(@"^must sum to (\d+) \(got (\d+)\)\.$")] private static partial Regex WeightsSum();
    [GeneratedRegex(@"^must not exceed selection\.sectorMax\.([a-z-]+)\.$")] private static partial Regex SectorMinAboveMax();
    [GeneratedRegex(@"^must list at least one institution")] private static partial Regex AtLeastOneInstitution();
    [GeneratedRegex(@"^must be a whole number\.$")] private static partial Regex WholeNumber();
    [GeneratedRegex(@"^must be a number\.$")] private static partial Regex Number();
    [GeneratedRegex(@"^must be a date \(YYYY-MM-DD\)\.$")] private static partial Regex Date();
    [GeneratedRegex(@"^must be true or false\.$")] private static partial Regex TrueOrFalse();
    [GeneratedRegex(@"^must be one of: (.+)$")] private static partial Regex OneOf();
}
