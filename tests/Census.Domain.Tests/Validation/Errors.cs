namespace Census.Domain.Tests.Validation;

/// <summary>Runs one field rule on a fresh error set and hands back what it reported.</summary>
internal static class Errors
{
    public static IReadOnlyDictionary<string, string[]> Of(Action<ValidationErrors> rule)
    {
        var errors = new ValidationErrors();
        rule(errors);
        return errors.ToDictionary();
    }
}
