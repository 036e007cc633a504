using System.Text.Json;
using Census.Domain.Provision;

namespace Census.Exchange.Evidence;

/// <summary>
/// A JSON table's classes, read as they stream past: <c>quasiIdentifiers</c> and <c>sensitive</c> must come before
/// <c>classes</c>, so each class can be checked and counted the moment it is read and the array is never held.
/// </summary>
internal sealed class JsonEvidenceRows : EvidenceRows
{
    private const string Expected = "a JSON table is an object with quasiIdentifiers, sensitive (optional) and classes";
    private readonly JsonTokens _tokens;
    private readonly string[] _qiColumns;
    private readonly Dictionary<string, int> _attributes;
    private readonly int[] _offsets;
    private readonly bool[] _attributeSeen;
    private bool _done;

    private JsonEvidenceRows(JsonTokens tokens, EvidenceHeader header, bool hasClasses)
        : base(header)
    {
        _tokens = tokens;
        _done = !hasClasses;
        _qiColumns = [.. header.QuasiIdentifiers.Select(q => EvidenceColumns.QiPrefix + q)];
        _attributes = header.Sensitive.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _offsets = new int[header.Sensitive.Count + 1];
        for (var a = 0; a < header.Sensitive.Count; a++)
        {
            _offsets[a + 1] = _offsets[a] + header.Sensitive[a].Values.Count;
        }

        _attributeSeen = new bool[header.Sensitive.Count];
    }

    public static async Task<JsonEvidenceRows> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var tokens = new JsonTokens(stream);
        await tokens.NextAsync(cancellationToken);
        if (tokens.Type != JsonTokenType.StartObject)
        {
            throw Problem($"The JSON is not an object: {Expected}.");
        }

        List<string>? quasiIdentifiers = null;
        List<SensitiveAttribute>? sensitive = null;
        while (true)
        {
            await tokens.NextAsync(cancellationToken);
            if (tokens.Type == JsonTokenType.EndObject)
            {
                var header = Declared(quasiIdentifiers, sensitive);
                await EndAsync(tokens, cancellationToken);
                return new JsonEvidenceRows(tokens, header, hasClasses: false);
            }

            switch (tokens.Text)
            {
                case "quasiIdentifiers" when quasiIdentifiers is null:
                    quasiIdentifiers = await NamesAsync(tokens, "quasiIdentifiers", n => EvidenceColumns.QiPrefix + n, cancellationToken);
                    break;
                case "sensitive" when sensitive is null:
                    sensitive = await SensitiveAsync(tokens, cancellationToken);
                    break;
                case "classes":
                    var declared = Declared(quasiIdentifiers, sensitive);
                    await tokens.NextAsync(cancellationToken);
                    if (tokens.Type != JsonTokenType.StartArray)
                    {
                        throw Problem("classes must be an array of classes.");
                    }

                    return new JsonEvidenceRows(tokens, declared, hasClasses: true);
                case "quasiIdentifiers" or "sensitive":
                    throw Problem($"The member {tokens.Text} appears twice.");
                default:
                    throw Problem($"The member '{EvidenceCells.Shorten(tokens.Text ?? "")}' is not one a table has: {Expected}.");
            }
        }
    }

    public override async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return false;
        }

        await _tokens.NextAsync(cancellationToken);
        if (_tokens.Type == JsonTokenType.EndArray)
        {
            _done = true;
            await RestAsync(cancellationToken);
            return false;
        }

        var row = Row + 1;
        if (_tokens.Type != JsonTokenType.StartObject)
        {
            throw new EvidenceTableException($"Class {row} is not an object with qi, count and sensitive.", row, null);
        }

        bool hasQi = false, hasCount = false, hasSensitive = false;
        Array.Clear(_attributeSeen);
        while (true)
        {
            await _tokens.NextAsync(cancellationToken);
            if (_tokens.Type == JsonTokenType.EndObject)
            {
                break;
            }

            switch (_tokens.Text)
            {
                case "qi" when !hasQi:
                    hasQi = true;
                    await QiAsync(row, cancellationToken);
                    break;
                case "count" when !hasCount:
                    hasCount = true;
                    await _tokens.NextAsync(cancellationToken);
                    Count = Whole(row, EvidenceColumns.Count);
                    break;
                case "sensitive" when !hasSensitive:
                    hasSensitive = true;
                    await ClassSensitiveAsync(row, cancellationToken);
                    break;
                case "qi" or "count" or "sensitive":
                    throw new EvidenceTableException($"Class {row} has the member {_tokens.Text} twice.", row, null);
                default:
                    throw new EvidenceTableException(
                        $"Class {row} has the member '{EvidenceCells.Shorten(_tokens.Text ?? "")}'; a class has qi, count and sensitive.", row, null);
            }
        }

        if (!hasQi)
        {
            throw new EvidenceTableException($"Class {row} has no qi: the values of its quasi-identifiers.", row, null);
        }

        if (!hasCount)
        {
            throw new EvidenceTableException($"Row {EvidenceCells.N(row)} has no count.", row, EvidenceColumns.Count);
        }

        for (var a = 0; a < _attributeSeen.Length; a++)
        {
            if (!_attributeSeen[a])
            {
                var name = Header.Sensitive[a].Name;
                throw new EvidenceTableException($"Class {row} has no counts for the sensitive attribute '{name}'.", row, EvidenceColumns.SaPrefix + name);
            }
        }

        Row = row;
        return true;
    }

    private async ValueTask QiAsync(long row, CancellationToken cancellationToken)
    {
        await _tokens.NextAsync(cancellationToken);
        if (_tokens.Type != JsonTokenType.StartArray)
        {
            throw new EvidenceTableException($"Class {row}: qi must be an array of values.", row, null);
        }

        var i = 0;
        while (true)
        {
            await _tokens.NextAsync(cancellationToken);
            if (_tokens.Type == JsonTokenType.EndArray)
            {
                break;
            }

            if (i >= Qi.Length || _tokens.Type is not (JsonTokenType.String or JsonTokenType.Number))
            {
                throw new EvidenceTableException(
                    $"Class {row}: qi must hold {Qi.Length} values, strings or numbers, one per quasi-identifier.", row, null);
            }

            Qi[i] = EvidenceCells.QuasiIdentifier(_tokens.Text, row, _qiColumns[i]);
            i++;
        }

        if (i != Qi.Length)
        {
            throw new EvidenceTableException($"Class {row}: qi has {i} values; the table has {Qi.Length} quasi-identifiers.", row, null);
        }
    }

    private async ValueTask ClassSensitiveAsync(long row, CancellationToken cancellationToken)
    {
        await _tokens.NextAsync(cancellationToken);
        if (_tokens.Type != JsonTokenType.StartObject)
        {
            throw new EvidenceTableException($"Class {row}: sensitive must be an object of counts per attribute.", row, null);
        }

        while (true)
        {
            await _tokens.NextAsync(cancellationToken);
            if (_tokens.Type == JsonTokenType.EndObject)
            {
                return;
            }

            var name = _tokens.Text ?? "";
            var column = EvidenceColumns.SaPrefix + name;
            if (!_attributes.TryGetValue(name, out var a))
            {
                throw new EvidenceTableException($"Class {row} has counts for '{EvidenceCells.Shorten(name)}', which the table does not declare.", row, column);
            }

            if (_attributeSeen[a])
            {
                throw new EvidenceTableException($"Class {row} has the counts of '{name}' twice.", row, column);
            }

            _attributeSeen[a] = true;
            await _tokens.NextAsync(cancellationToken);
            if (_tokens.Type != JsonTokenType.StartArray)
            {
                throw new EvidenceTableException($"Class {row}: the counts of '{name}' must be an array.", row, column);
            }

            var values = Header.Sensitive[a].Values;
            var i = 0;
            while (true)
            {
                await _tokens.NextAsync(cancellationToken);
                if (_tokens.Type == JsonTokenType.EndArray)
                {
                    break;
                }

                if (i >= values.Count)
                {
                    break;
                }

                Sensitive[_offsets[a] + i] = Whole(row, $"{column}={values[i]}");
                i++;
            }

            if (i != values.Count || _tokens.Type != JsonTokenType.EndArray)
            {
                throw new EvidenceTableException(
                    $"Class {row} gives {(i < values.Count ? EvidenceCells.N(i) : "more")} counts for '{name}'; it has {values.Count} values.", row, column);
            }
        }
    }

    private long Whole(long row, string column)
    {
        if (_tokens.Type == JsonTokenType.Number && _tokens.Whole is { } whole)
        {
            return whole;
        }

        // A string holding digits is still refused: the format's numbers are JSON numbers.
        var shown = _tokens.Type switch
        {
            JsonTokenType.Number or JsonTokenType.String => _tokens.Text ?? "",
            JsonTokenType.Null => "null",
            _ => _tokens.Type.ToString(),
        };
        throw new EvidenceTableException($"Row {EvidenceCells.N(row)}: '{EvidenceCells.Shorten(shown)}' in {column} is not a whole number.", row, column);
    }

    private async ValueTask RestAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _tokens.NextAsync(cancellationToken);
            if (_tokens.Type == JsonTokenType.EndObject)
            {
                await EndAsync(_tokens, cancellationToken);
                return;
            }

            throw _tokens.Text switch
            {
                "quasiIdentifiers" or "sensitive" => Problem(
                    $"{_tokens.Text} must come before classes, so a table of a million classes can be read as it streams."),
                "classes" => Problem("The member classes appears twice."),
                _ => Problem($"The member '{EvidenceCells.Shorten(_tokens.Text ?? "")}' is not one a table has: {Expected}."),
            };
        }
    }

    private static async ValueTask EndAsync(JsonTokens tokens, CancellationToken cancellationToken)
    {
        if (await tokens.ReadAsync(cancellationToken))
        {
            throw Problem("The JSON has more after the table's object.");
        }
    }

    private static EvidenceHeader Declared(List<string>? quasiIdentifiers, List<SensitiveAttribute>? sensitive)
    {
        if (quasiIdentifiers is null or { Count: 0 })
        {
            throw Problem("The table has no quasi-identifier: quasiIdentifiers must name at least one, before classes.");
        }

        return new EvidenceHeader(quasiIdentifiers, sensitive ?? []);
    }

    private static async Task<List<string>> NamesAsync(JsonTokens tokens, string member, Func<string, string> column, CancellationToken cancellationToken)
    {
        await tokens.NextAsync(cancellationToken);
        if (tokens.Type != JsonTokenType.StartArray)
        {
            throw Problem($"{member} must be an array of names.");
        }

        var names = new List<string>();
        while (true)
        {
            await tokens.NextAsync(cancellationToken);
            if (tokens.Type == JsonTokenType.EndArray)
            {
                return names;
            }

            var name = tokens.Type == JsonTokenType.String ? tokens.Text?.Trim() : null;
            if (string.IsNullOrEmpty(name))
            {
                throw Problem($"{member} must hold non-empty strings.");
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                throw new EvidenceTableException($"{member} lists '{name}' twice.", null, column(name));
            }

            names.Add(name);
        }
    }

    private static async Task<List<SensitiveAttribute>> SensitiveAsync(JsonTokens tokens, CancellationToken cancellationToken)
    {
        await tokens.NextAsync(cancellationToken);
        if (tokens.Type != JsonTokenType.StartObject)
        {
            throw Problem("sensitive must be an object: each sensitive attribute with the array of its values.");
        }

        var attributes = new List<SensitiveAttribute>();
        while (true)
        {
            await tokens.NextAsync(cancellationToken);
            if (tokens.Type == JsonTokenType.EndObject)
            {
                return attributes;
            }

            var name = tokens.Text?.Trim() ?? "";
            var column = EvidenceColumns.SaPrefix + name;
            if (name.Length == 0)
            {
                throw Problem("A sensitive attribute has an empty name.");
            }

            if (attributes.Exists(a => a.Name == name))
            {
                throw new EvidenceTableException($"The sensitive attribute '{name}' is declared twice.", null, column);
            }

            var values = await NamesAsync(tokens, $"The sensitive attribute '{name}'", v => $"{column}={v}", cancellationToken);
            if (values.Count == 0)
            {
                throw new EvidenceTableException($"The sensitive attribute '{name}' has no values: list the values its counts are given for.", null, column);
            }

            attributes.Add(new SensitiveAttribute(name, values));
        }
    }

    private static EvidenceTableException Problem(string message) => new(message, null, null);
}
