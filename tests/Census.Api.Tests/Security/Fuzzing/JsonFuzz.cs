using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Census.Api.Tests.Security.Fuzzing;

/// <summary>
/// Request bodies for fuzzing: a route's valid body mutated (members dropped, duplicated, renamed;
/// values of the wrong JSON type, huge or NaN-like numbers, deep nesting, very long and odd unicode
/// strings, nulls), then sometimes broken at the byte level (truncated, invalid UTF-8, junk around
/// it), or something unrelated altogether. Everything comes from one <see cref="Random"/>, so a seed
/// reproduces the same bodies.
/// </summary>
public sealed class JsonFuzz(Random random)
{
    /// <summary>A literal JSON token written as is: invalid tokens (NaN), huge numbers, escapes a writer would not produce.</summary>
    private sealed record Raw(string Json);

    /// <summary>Prefix of a member name that the writer emits without it, next to the original: a duplicate member.</summary>
    private const string DuplicateMarker = "\u0001dup\u0001";

    private int _hugeBodies;

    /// <summary>How many bodies over 1 MiB were made; they are slow to send, so they are rationed.</summary>
    public int HugeBodies => _hugeBodies;

    private static readonly string[] RawTokens =
    [
        "NaN", "-NaN", "Infinity", "-Infinity", "undefined", "nil", "True", "FALSE", "'single'", "0x1F", "01", "+1", ".5", "1.",
        "1e309", "-1e309", "1e-400", "123456789012345678901234567890", "-9223372036854775809", "9223372036854775808",
        "2147483648", "-2147483649", "4294967296", "1" + new string('0', 400), "0." + new string('0', 400) + "1", "-0", "-0.0", "1E2", "1e+2",
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"a\\u0000b\"", "\"\\uFFFE\"", "\"\\x41\"", "\"\\u12\"", "\"tab\tinside\"", "\"\\/\\b\\f\"",
    ];

    private static readonly JsonNode?[] PlainValues =
    [
        null, true, false, 0, -1, 1, 1.5, -0.25, 100, 101, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 1e300, double.Epsilon,
        "", " ", "x", "NaN", "Infinity", "-Infinity", "1e5", "12", "-1", "0x10", "١٢", "１２", "null", "true", "{}", "[]",
        "2027-02-30", "2027-13-01", "9999-12-31", "0001-01-01", "2027-03-31T23:59:59Z", "2027-03-31T23:59:59", "2027-03-31T24:00:00Z",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2027-03-31T23:59:59+14:00", "2027-03-31T23:59:59-12:00", "+002027-03-31T00:00:00Z",
        "open", "OPEN", "Open", "open ", "central_government", "CentralGovernment", "science-technology", "kogl-type1", "cc-by",
        "G1", "c1", "run-1", "fuzz-a", "a@b", "a@b.c", "@", "not an email", "x@" + new string('y', 300) + ".com",
    ];

    /// <summary>Unicode that tends to trip up text handling: control, bidi, zero-width, combining, astral, noncharacters, CJK.</summary>
    private static readonly string[] OddText =
    [
        "\u0000", "\u0007", "\u001b[31m", "\r\n", "\u2028\u2029", "\u202Eevil\u202C", "\u200B\u200C\u200D\uFEFF", "e\u0301", new string('\u0301', 500),
        "😀", "👩‍👩‍👧‍👦", "\U0001F600\U0001F600", "\uFFFD", "\uFFFF", "\uFDD0", "과학기술", "ﬁ", "Ω", "İ", "ß", "ǅ", "\u00A0", "\u3000",
        "<script>alert(1)</script>", "'; DROP TABLE grain_state; --", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "%00", "=cmd|' /C calc'!A0",
    ];

    private static readonly int[] DeepValueDepths = [100, 1000, 100_000];
    private static readonly int[] DeepBodyDepths = [65, 1000, 100_000];
    private static readonly int[] ArrayGrowths = [21, 200, 1000];
    private static readonly int[] StringLengths = [51, 101, 301, 4001, 4001, 20_000, 100_000];
    private static readonly char[] LongStringCharacters = ['a', '가', 'é', ' '];
    private static readonly string[] ExtraMembers = ["extra", "$type", "__proto__", "constructor", "Title", "", " ", "id\u0000", "revision", "createdAt"];
    private static readonly string[] RandomMembers = ["id", "title", "name", "c1", "runId", "rubricVersion", "quota", "x", ""];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>
    /// A body for a route whose valid body is <paramref name="template"/> (null: the route takes none);
    /// <paramref name="valid"/> of them are the template itself, the rest mostly mutations of it.
    /// </summary>
    public byte[] Body(JsonNode? template, double valid = 0.08)
    {
        var roll = random.NextDouble();
        if (template is not null && roll < valid)
        {
            return Write(template.DeepClone());
        }

        if (template is not null && roll < 0.70)
        {
            var tree = template.DeepClone();
            for (var i = random.Next(1, 4); i > 0; i--)
            {
                tree = Mutate(tree);
            }

            var bytes = Write(tree);
            return Chance(0.25) ? Corrupt(bytes) : bytes;
        }

        if (roll < 0.82)
        {
            return Write(RandomValue(depth: 0));
        }

        if (roll < 0.97)
        {
            return Junk(template);
        }

        return Extreme(template);
    }

    /// <summary>One structural change somewhere in the tree; returns the (possibly new) root.</summary>
    private JsonNode? Mutate(JsonNode? root)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, places);
        if (places.Count == 0 || Chance(0.05))
        {
            return Chance(0.5) ? RandomValue(0) : new JsonArray(root);
        }

        var (parent, name, index) = Pick(places);
        var current = name is not null ? parent[name] : parent[index];
        switch (random.Next(10))
        {
            case 0:
                Remove(parent, name, index);
                break;
            case 1 when name is not null:
                ((JsonObject)parent)[DuplicateMarker + name] = Chance(0.5) ? current?.DeepClone() : RandomValue(1);
                break;
            case 2 when name is not null:
                var value = current?.DeepClone();
                ((JsonObject)parent).Remove(name);
                ((JsonObject)parent)[Rename(name)] = value;
                break;
            case 3:
                Set(parent, name, index, Chance(0.6) ? Pick(PlainValues)?.DeepClone() : new JsonArray(current?.DeepClone()));
                break;
            case 4:
                Set(parent, name, index, JsonValue.Create(new Raw(Pick(RawTokens))));
                break;
            case 5:
                Set(parent, name, index, LongOrOddString());
                break;
            case 6:
                // Around the readers' default depth limit (64) as a tree; far beyond it as raw text
                // (deep node trees are slow to build and write: each node looks up its root's options).
                Set(parent, name, index, Chance(0.5)
                    ? Nested(random.Next(60, 70), current?.DeepClone())
                    : JsonValue.Create(new Raw(DeepArray(Pick(DeepValueDepths)))));
                break;
            case 7 when current is JsonArray array:
                var copies = Pick(ArrayGrowths);
                var element = array.Count > 0 ? array[0] : RandomValue(1);
                for (var i = 0; i < copies; i++)
                {
                    array.Add(Chance(0.9) ? element?.DeepClone() : RandomValue(1));
                }

                break;
            case 8 when parent is JsonObject obj:
                obj[Pick(ExtraMembers)] = RandomValue(1);
                break;
            default:
                Set(parent, name, index, null);
                break;
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    places.Add((obj, name, -1));
                    Collect(child, places);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add((array, null, i));
                    Collect(array[i], places);
                }

                break;
        }
    }

    private static void Remove(JsonNode parent, string? name, int index)
    {
        if (name is not null)
        {
            ((JsonObject)parent).Remove(name);
        }
        else
        {
            ((JsonArray)parent).RemoveAt(index);
        }
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }

    private string Rename(string name) => name.Length == 0 ? "x" : random.Next(8) switch
    {
        0 => name.ToUpperInvariant(),
        1 => char.ToUpperInvariant(name[0]) + name[1..],
        2 => name + "s",
        3 => name.Length > 1 ? name[..^1] : name + name,
        4 => name.Replace('i', 'і'), // Cyrillic і
        5 => "",
        6 => new string('n', 5000),
        _ => name + "\u200B",
    };

    private JsonValue LongOrOddString()
    {
        if (Chance(0.4))
        {
            var length = Pick(StringLengths);
            return JsonValue.Create(new string(Pick(LongStringCharacters), length))!;
        }

        var text = new StringBuilder();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            text.Append(Pick(OddText));
        }

        return JsonValue.Create(text.ToString())!;
    }

    private static JsonNode? Nested(int depth, JsonNode? innermost)
    {
        var node = innermost;
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    /// <summary>Any JSON value, nested a little.</summary>
    private JsonNode? RandomValue(int depth)
    {
        switch (random.Next(depth > 2 ? 4 : 6))
        {
            case 0:
                return Pick(PlainValues)?.DeepClone();
            case 1:
                return JsonValue.Create(new Raw(Pick(RawTokens)));
            case 2:
                return LongOrOddString();
            case 3:
                return random.Next(3) == 0 ? null : JsonValue.Create(random.Next(-1000, 1000));
            case 4:
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(RandomValue(depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(4); i > 0; i--)
                {
                    obj[Pick(RandomMembers) + (i > 1 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")] = RandomValue(depth + 1);
                }

                return obj;
        }
    }

    /// <summary>Bytes that are not (valid) JSON, or JSON of the wrong shape, often around the template.</summary>
    private byte[] Junk(JsonNode? template)
    {
        var valid = template is null ? "{}"u8.ToArray() : Write(template.DeepClone());
        return random.Next(14) switch
        {
            0 => [],
            1 => " \r\n\t "u8.ToArray(),
            2 => [0xEF, 0xBB, 0xBF, .. valid],
            3 => [.. valid, .. "garbage"u8],
            4 => [.. valid, .. valid],
            5 => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(valid)),
            6 => "<xml><id>x</id></xml>"u8.ToArray(),
            7 => "id=x&name=y"u8.ToArray(),
            8 => "null"u8.ToArray(),
            9 => "{\"a\":1,}"u8.ToArray(),
            10 => "{/* comment */}"u8.ToArray(),
            11 => RandomBytes(random.Next(1, 200)),
            12 => [(byte)'"', 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0x28, 0xED, 0xA0, 0x80, 0xC0, 0xAF, 0xFF, (byte)'"'],
            _ => Corrupt(valid),
        };
    }

    /// <summary>Byte-level damage to well-formed JSON.</summary>
    private byte[] Corrupt(byte[] json)
    {
        if (json.Length == 0)
        {
            return [0xFF];
        }

        var at = random.Next(json.Length);
        return random.Next(5) switch
        {
            // Truncated.
            0 => json[..at],
            // Invalid UTF-8 right after a quote: inside a string or a member name.
            1 => Insert(json, Math.Max(0, Array.IndexOf(json, (byte)'"', at) + 1), Pick(InvalidUtf8)),
            2 => Insert(json, at, Pick(InvalidUtf8)),
            3 => ReplaceByte(json, at, (byte)random.Next(256)),
            _ => Insert(json, at, Pick(new[] { "\u0000"u8.ToArray(), "}"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray() })),
        };
    }

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0x80], [0xC0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    /// <summary>Bodies at or over the size limit, or nested far beyond any reader's depth limit.</summary>
    private byte[] Extreme(JsonNode? template)
    {
        if (_hugeBodies < 25 && Chance(0.5))
        {
            _hugeBodies++;
            var size = Pick(new[] { 1024 * 1024 - 64, 1024 * 1024 + 1, 3 * 1024 * 1024 });
            var filler = new string('a', size);
            var body = template is JsonObject obj && obj.Count > 0
                ? WithMember((JsonObject)obj.DeepClone(), obj.First().Key, filler)
                : new JsonObject { ["x"] = filler };
            return Write(body);
        }

        return Encoding.ASCII.GetBytes(DeepArray(Pick(DeepBodyDepths)));
    }

    private static string DeepArray(int depth) => new string('[', depth) + new string(']', depth);

    private static JsonObject WithMember(JsonObject obj, string name, string value)
    {
        obj[name] = value;
        return obj;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static byte[] ReplaceByte(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        SkipValidation = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 200_000,
    };

    /// <summary>Writes a tree, emitting raw tokens as they are and duplicate-marked members under their real name.</summary>
    public static byte[] Write(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, node);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj)
                {
                    writer.WritePropertyName(name.StartsWith(DuplicateMarker, StringComparison.Ordinal) ? name[DuplicateMarker.Length..] : name);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array)
                {
                    Write(writer, child);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<Raw>(out var raw):
                writer.WriteRawValue(raw.Json, skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
