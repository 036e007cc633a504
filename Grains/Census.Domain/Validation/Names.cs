using System.Collections.Frozen;
using System.Text.Json;

namespace Census.Domain.Validation;

/// <summary>
/// The wire names of enumeration values: lower-case kebab-case (<c>TimeSeries</c> → <c>time-series</c>).
/// The one place they are spelled: the JSON converter, query parameters, the body reader's messages,
/// the index columns and the OpenAPI document all ask here.
/// </summary>
public static class Names
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Table<TEnum>.ByValue.TryGetValue(value, out var name) ? name : Convert(value.ToString());

    /// <summary>The value with this exact wire name; no case folding, trimming or flag combinations.</summary>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name is not null && Table<TEnum>.ByName.TryGetValue(name, out value);
    }

    /// <summary>The value with this wire name; throws for a name that is not one (data we wrote ourselves).</summary>
    public static TEnum Parse<TEnum>(string name)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value)
            ? value
            : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}.");

    /// <summary>
    /// The value whose wire name is these UTF-8 bytes (rows read from the index without building a string per row);
    /// throws for a name that is not one.
    /// </summary>
    public static TEnum ParseUtf8<TEnum>(ReadOnlySpan<byte> name)
        where TEnum : struct, Enum
    {
        foreach (var (bytes, value) in Table<TEnum>.Utf8)
        {
            if (name.SequenceEqual(bytes))
            {
                return value;
            }
        }

        throw new FormatException($"'{System.Text.Encoding.UTF8.GetString(name)}' is not a {typeof(TEnum).Name}.");
    }

    /// <summary>Whether a value is one the enumeration defines (a name exists for it).</summary>
    public static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum => Table<TEnum>.ByValue.ContainsKey(value);

    /// <summary>Every wire name of an enumeration, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>.Names;

    /// <summary>Every wire name of an enumeration type known only at run time (reflection, schemas).</summary>
    public static IReadOnlyList<string> All(Type enumType) =>
        [.. Enum.GetNames(enumType).Select(Convert)];

    private static string Convert(string clrName) => JsonNamingPolicy.KebabCaseLower.ConvertName(clrName);

    private static class Table<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> Names = [.. Enum.GetValues<TEnum>().Select(v => Convert(v.ToString()))];

        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => Convert(v.ToString()), StringComparer.Ordinal);

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

        // A closed set of a few short names: a linear scan of their bytes beats hashing a span.
        public static readonly (byte[] Name, TEnum Value)[] Utf8 =
            [.. Enum.GetValues<TEnum>().Select(v => (System.Text.Encoding.UTF8.GetBytes(Convert(v.ToString())), v))];
    }
}
