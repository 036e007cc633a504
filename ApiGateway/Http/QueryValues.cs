using System.Globalization;

namespace Census.ApiGateway.Http;

/// <summary>
/// Query-string values parsed by the census's rules, so a bad value is a 400 naming the parameter
/// rather than the framework's anonymous binding failure.
/// </summary>
public static class QueryValues
{
    public static TEnum? Enum<TEnum>(ValidationErrors errors, string name, string? value)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Names.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        errors.Add(name, "must be one of: " + string.Join(", ", Names.All<TEnum>()) + ".");
        return null;
    }

    public static int? WholeNumber(ValidationErrors errors, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        errors.Add(name, "must be a whole number.");
        return null;
    }
}
