using System.Text.Json;

namespace Census.Domain.Validation;

/// <summary>The wire name of an enumeration value: lower-case kebab-case (<c>TimeSeries</c> → <c>time-series</c>).</summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The value with this wire name; throws for a name that is not one (data we wrote ourselves).</summary>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        ByName<TEnum>.Values.TryGetValue(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}.");

    private static class ByName<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Values =
            Enum.GetValues<TEnum>().ToDictionary(v => Of(v), StringComparer.Ordinal);
    }
}
