using System.Text.Json;

namespace Census.Domain.Validation;

/// <summary>The wire name of an enumeration value: lower-case kebab-case (<c>TimeSeries</c> → <c>time-series</c>).</summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
