using System.Globalization;
using System.Text.Json;

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

        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (JsonNamingPolicy.KebabCaseLower.ConvertName(candidate.ToString()) == value)
            {
                return candidate;
            }
        }

        errors.Add(name, "must be one of: " + string.Join(", ",
            System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName)) + ".");
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
