namespace Census.ApiGateway.Console.Components.Pages.Admin;

/// <summary>
/// How an admin form ties a problem's field errors (keyed by the API's JSON paths, <c>selection.quota</c>) to its
/// inputs: the message's element id, and the <c>aria-describedby</c>/<c>aria-invalid</c> values of the input.
/// </summary>
public static class AdminForm
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static string ErrorId(string path) => "error-" + string.Concat(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    public static string? DescribedBy(IReadOnlyDictionary<string, string[]> errors, string path) =>
        errors.ContainsKey(path) ? ErrorId(path) : null;

    public static string? Invalid(IReadOnlyDictionary<string, string[]> errors, string path) =>
        errors.ContainsKey(path) ? "true" : null;

    /// <summary>A form field's trimmed text, or null when left empty.</summary>
    public static string? Text(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;
}
