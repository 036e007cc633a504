using System.Globalization;
using System.Text;

namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// A reader of W3C Turtle (RDF 1.1) into triples: <c>@prefix</c>/<c>PREFIX</c>, <c>@base</c>/<c>BASE</c>,
/// relative IRIs, prefixed names with escapes, blank nodes (<c>_:x</c>, <c>[ … ]</c>), collections, <c>a</c>,
/// <c>;</c> and <c>,</c> lists, the four string quotes with escapes, language tags, datatypes, numbers,
/// booleans and comments. The first error stops the reader with its line and column
/// (<see cref="RdfSyntaxException"/>); nothing of a broken document is used.
/// </summary>
public sealed class TurtleReader
{
    /// <summary>How deep <c>[ … ]</c> and <c>( … )</c> may nest: the reader recurses, and no catalogue nests this far.</summary>
    public const int MaxNesting = 256;

    private readonly string _text;
    private readonly RdfGraph _graph = new();
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RdfTerm> _labels = new(StringComparer.Ordinal);
    private string? _base;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _blankNodes;
    private int _depth;

    private TurtleReader(string text, string? baseIri)
    {
        _text = text;
        _base = baseIri;
    }

    public static RdfGraph Read(string text, string? baseIri = null)
    {
        var reader = new TurtleReader(text, baseIri);
        reader.Document();
        return reader._graph;
    }

    private void Document()
    {
        SkipSpace();
        while (_position < _text.Length)
        {
            Statement();
            SkipSpace();
        }
    }

    private void Statement()
    {
        if (Peek() == '@')
        {
            var directive = ReadWhile(1, c => char.IsAsciiLetter(c));
            switch (directive)
            {
                case "@prefix":
                    PrefixDirective();
                    break;
                case "@base":
                    BaseDirective();
                    break;
                default:
                    throw Error($"'{directive}' is not a directive (expected @prefix or @base).");
            }

            SkipSpace();
            Expect('.');
            return;
        }

        if (StartsWithKeyword("PREFIX"))
        {
            _position += "PREFIX".Length;
            PrefixDirective();
            return;
        }

        if (StartsWithKeyword("BASE"))
        {
            _position += "BASE".Length;
            BaseDirective();
            return;
        }

        Triples();
        SkipSpace();
        Expect('.');
    }

    private bool StartsWithKeyword(string keyword) =>
        string.Compare(_text, _position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (_position + keyword.Length >= _text.Length || char.IsWhiteSpace(_text[_position + keyword.Length]) || _text[_position + keyword.Length] == '<');

    private void PrefixDirective()
    {
        SkipSpace();
        var prefix = PrefixName();
        if (prefix.Length > 0 && !IsNameStartChar(prefix[0]))
        {
            throw Error($"'{prefix}' is not a valid prefix name.");
        }

        Expect(':');
        SkipSpace();
        _prefixes[prefix] = IriRef();
    }

    private void BaseDirective()
    {
        SkipSpace();
        _base = IriRef();
    }

    private void Triples()
    {
        var c = Peek();
        if (c == '[')
        {
            var subject = BlankNodePropertyList();
            SkipSpace();
            if (Peek() != '.')
            {
                PredicateObjectList(subject);
            }

            return;
        }

        var subjectTerm = c == '(' ? Collection() : Subject();
        SkipSpace();
        PredicateObjectList(subjectTerm);
    }

    private RdfTerm Subject()
    {
        var c = Peek();
        if (c == '<')
        {
            return RdfTerm.Iri(IriRef());
        }

        if (c == '_' && PeekAt(1) == ':')
        {
            return BlankNodeLabel();
        }

        if (c == ':' || IsNameStartChar(c))
        {
            return RdfTerm.Iri(PrefixedName());
        }

        throw Error(c == '\0' ? "The document ends where a subject was expected." : $"'{c}' cannot start a subject.");
    }

    private void PredicateObjectList(RdfTerm subject)
    {
        while (true)
        {
            var predicate = Verb();
            SkipSpace();
            ObjectList(subject, predicate);
            SkipSpace();
            if (Peek() != ';')
            {
                return;
            }

            while (Peek() == ';')
            {
                _position++;
                SkipSpace();
            }

            // A trailing ';' before '.' or ']' is allowed.
            if (Peek() is '.' or ']' or '\0')
            {
                return;
            }
        }
    }

    private RdfTerm Verb()
    {
        var c = Peek();
        if (c == 'a' && (PeekAt(1) is '\0' || char.IsWhiteSpace(PeekAt(1)) || PeekAt(1) is '<' or '[' or '"' or '\'' or '(' or '_'))
        {
            _position++;
            return RdfTerm.Iri(RdfNames.Type);
        }

        if (c == '<')
        {
            return RdfTerm.Iri(IriRef());
        }

        if (c == ':' || IsNameStartChar(c))
        {
            return RdfTerm.Iri(PrefixedName());
        }

        throw Error(c == '\0' ? "The document ends where a predicate was expected." : $"'{c}' cannot start a predicate.");
    }

    private void ObjectList(RdfTerm subject, RdfTerm predicate)
    {
        while (true)
        {
            var obj = Object();
            _graph.Add(subject, predicate, obj);
            SkipSpace();
            if (Peek() != ',')
            {
                return;
            }

            _position++;
            SkipSpace();
        }
    }

    private RdfTerm Object()
    {
        var c = Peek();
        switch (c)
        {
            case '<':
                return RdfTerm.Iri(IriRef());
            case '[':
                return BlankNodePropertyList();
            case '(':
                return Collection();
            case '"' or '\'':
                return Literal();
            case '_' when PeekAt(1) == ':':
                return BlankNodeLabel();
            case '+' or '-' or '.' or (>= '0' and <= '9'):
                return Number();
        }

        if (IsWord("true") || IsWord("false"))
        {
            var value = IsWord("true") ? "true" : "false";
            _position += value.Length;
            return RdfTerm.Literal(value, datatype: RdfNames.XsdBoolean);
        }

        if (c == ':' || IsNameStartChar(c))
        {
            return RdfTerm.Iri(PrefixedName());
        }

        throw Error(c == '\0' ? "The document ends where an object was expected." : $"'{c}' cannot start an object.");
    }

    private bool IsWord(string word) =>
        string.CompareOrdinal(_text, _position, word, 0, word.Length) == 0
        && !(PeekAt(word.Length) is var next && (IsNameChar(next) || next == ':'));

    private RdfTerm BlankNodePropertyList() => Nested(BlankNodePropertyListBody);

    private RdfTerm BlankNodePropertyListBody()
    {
        Expect('[');
        var node = NewBlankNode();
        SkipSpace();
        if (Peek() != ']')
        {
            PredicateObjectList(node);
            SkipSpace();
        }

        Expect(']');
        return node;
    }

    private RdfTerm Collection() => Nested(CollectionBody);

    private RdfTerm CollectionBody()
    {
        Expect('(');
        SkipSpace();
        var items = new List<RdfTerm>();
        while (Peek() != ')')
        {
            if (Peek() == '\0')
            {
                throw Error("The document ends inside a collection.");
            }

            items.Add(Object());
            SkipSpace();
        }

        _position++;
        if (items.Count == 0)
        {
            return RdfTerm.Iri(RdfNames.Nil);
        }

        var head = NewBlankNode();
        var current = head;
        for (var i = 0; i < items.Count; i++)
        {
            _graph.Add(current, RdfTerm.Iri(RdfNames.First), items[i]);
            var next = i == items.Count - 1 ? RdfTerm.Iri(RdfNames.Nil) : NewBlankNode();
            _graph.Add(current, RdfTerm.Iri(RdfNames.Rest), next);
            current = next;
        }

        return head;
    }

    private RdfTerm Nested(Func<RdfTerm> read)
    {
        if (_depth >= MaxNesting)
        {
            throw Error($"'[' and '(' are nested more than {MaxNesting} deep.");
        }

        _depth++;
        try
        {
            return read();
        }
        finally
        {
            _depth--;
        }
    }

    private RdfTerm NewBlankNode() => RdfTerm.Blank($"b{++_blankNodes}");

    private RdfTerm BlankNodeLabel()
    {
        _position += 2;
        var start = _position;
        if (!(IsNameStartChar(Peek()) || char.IsAsciiDigit(Peek())))
        {
            throw Error("A blank node label must follow '_:'.");
        }

        while (_position < _text.Length && (IsNameChar(_text[_position]) || (_text[_position] == '.' && IsNameChar(PeekAt(1)))))
        {
            _position++;
        }

        var label = _text[start.._position];
        if (!_labels.TryGetValue(label, out var node))
        {
            node = NewBlankNode();
            _labels.Add(label, node);
        }

        return node;
    }

    private string IriRef()
    {
        Expect('<');
        var iri = new StringBuilder();
        while (true)
        {
            var c = Peek();
            switch (c)
            {
                case '\0' when _position >= _text.Length:
                    throw Error("The document ends inside an IRI.");
                case '>':
                    _position++;
                    return IriReference.Resolve(_base, iri.ToString());
                case '\\':
                    _position++;
                    iri.Append(UnicodeEscape());
                    break;
                case <= ' ' or '<' or '"' or '{' or '}' or '|' or '^' or '`':
                    throw Error($"An IRI cannot contain {Describe(c)}.");
                default:
                    iri.Append(c);
                    _position++;
                    break;
            }
        }
    }

    private string PrefixedName()
    {
        var start = _position;
        var prefix = PrefixName();
        if (Peek() != ':')
        {
            throw Error($"'{prefix}' is not a prefixed name (no ':').");
        }

        _position++;
        if (!_prefixes.TryGetValue(prefix, out var ns))
        {
            throw Error($"The prefix '{prefix}:' is not declared.", start);
        }

        return ns + LocalName();
    }

    // PN_PREFIX: name characters, with '.' inside but not at the end.
    private string PrefixName()
    {
        var start = _position;
        while (_position < _text.Length && (IsNameChar(_text[_position]) || (_text[_position] == '.' && IsNameChar(PeekAt(1)))))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private string LocalName()
    {
        var local = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\')
            {
                var escaped = PeekAt(1);
                if ("_~.-!$&'()*+,;=/?#@%".Contains(escaped, StringComparison.Ordinal))
                {
                    local.Append(escaped);
                    _position += 2;
                    continue;
                }

                throw Error($"'\\{escaped}' is not an escape allowed in a local name.");
            }

            if (c == '%')
            {
                if (!(char.IsAsciiHexDigit(PeekAt(1)) && char.IsAsciiHexDigit(PeekAt(2))))
                {
                    throw Error("'%' in a local name must be followed by two hex digits.");
                }

                local.Append(_text, _position, 3);
                _position += 3;
                continue;
            }

            // A '.' belongs to the name only when more of the name follows; otherwise it ends the statement.
            if (c == '.' && (IsNameChar(PeekAt(1)) || PeekAt(1) is ':' or '%' or '\\'))
            {
                local.Append(c);
                _position++;
                continue;
            }

            if (IsNameChar(c) || c == ':')
            {
                local.Append(c);
                _position++;
                continue;
            }

            break;
        }

        return local.ToString();
    }

    private RdfTerm Literal()
    {
        var lexical = QuotedString();
        if (Peek() == '@')
        {
            _position++;
            var tag = ReadWhile(0, c => char.IsAsciiLetterOrDigit(c) || c == '-');
            if (tag.Length == 0 || !char.IsAsciiLetter(tag[0]) || tag.EndsWith('-'))
            {
                throw Error("A language tag must follow '@'.");
            }

            return RdfTerm.Literal(lexical, language: tag);
        }

        if (Peek() == '^' && PeekAt(1) == '^')
        {
            _position += 2;
            var datatype = Peek() == '<' ? IriRef() : PrefixedName();
            return RdfTerm.Literal(lexical, datatype: datatype);
        }

        return RdfTerm.Literal(lexical);
    }

    private string QuotedString()
    {
        var quote = Peek();
        var isLong = PeekAt(1) == quote && PeekAt(2) == quote;
        _position += isLong ? 3 : 1;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("The document ends inside a string.");
            }

            var c = _text[_position];
            if (c == quote)
            {
                if (!isLong)
                {
                    _position++;
                    return value.ToString();
                }

                if (PeekAt(1) == quote && PeekAt(2) == quote)
                {
                    // """a""""" ends with the last three quotes; earlier quotes belong to the text.
                    while (PeekAt(3) == quote)
                    {
                        value.Append(c);
                        _position++;
                    }

                    _position += 3;
                    return value.ToString();
                }

                value.Append(c);
                _position++;
                continue;
            }

            if (c == '\\')
            {
                _position++;
                value.Append(StringEscape());
                continue;
            }

            if (c is '\n' or '\r')
            {
                if (!isLong)
                {
                    throw Error("A line break cannot appear in a single-quoted string (use \"\"\" or \\n).");
                }

                NewLine(c);
                value.Append(c);
                continue;
            }

            value.Append(c);
            _position++;
        }
    }

    private string StringEscape()
    {
        var c = Peek();
        switch (c)
        {
            case 't': _position++; return "\t";
            case 'b': _position++; return "\b";
            case 'n': _position++; return "\n";
            case 'r': _position++; return "\r";
            case 'f': _position++; return "\f";
            case '"': _position++; return "\"";
            case '\'': _position++; return "'";
            case '\\': _position++; return "\\";
            case 'u' or 'U': return UnicodeEscape();
            default: throw Error($"'\\{c}' is not a string escape.");
        }
    }

    private string UnicodeEscape()
    {
        var c = Peek();
        var length = c switch
        {
            'u' => 4,
            'U' => 8,
            _ => throw Error($"'\\{c}' is not a Unicode escape (\\uXXXX or \\UXXXXXXXX)."),
        };
        _position++;
        if (_position + length > _text.Length || !int.TryParse(_text.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw Error("A Unicode escape needs valid hex digits naming a character.");
        }

        _position += length;
        return char.ConvertFromUtf32(code);
    }

    private RdfTerm Number()
    {
        var start = _position;
        if (Peek() is '+' or '-')
        {
            _position++;
        }

        var integerDigits = ReadWhile(0, char.IsAsciiDigit).Length;
        var fractionDigits = 0;
        if (Peek() == '.' && char.IsAsciiDigit(PeekAt(1)))
        {
            _position++;
            fractionDigits = ReadWhile(0, char.IsAsciiDigit).Length;
        }

        if (Peek() is 'e' or 'E')
        {
            if (integerDigits + fractionDigits == 0)
            {
                throw Error("A number needs digits.", start);
            }

            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (ReadWhile(0, char.IsAsciiDigit).Length == 0)
            {
                throw Error("An exponent needs digits.", start);
            }

            return RdfTerm.Literal(_text[start.._position], datatype: RdfNames.XsdDouble);
        }

        if (integerDigits + fractionDigits == 0)
        {
            throw Error("A number needs digits.", start);
        }

        return RdfTerm.Literal(_text[start.._position], datatype: fractionDigits > 0 ? RdfNames.XsdDecimal : RdfNames.XsdInteger);
    }

    private string ReadWhile(int skip, Func<char, bool> accept)
    {
        var start = _position;
        _position += skip;
        while (_position < _text.Length && accept(_text[_position]))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is '\n' or '\r')
            {
                NewLine(c);
            }
            else if (c is ' ' or '\t' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] is not '\n' and not '\r')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine(char c)
    {
        _position++;
        if (c == '\r' && Peek() == '\n')
        {
            _position++;
        }

        _line++;
        _lineStart = _position;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected || _position >= _text.Length)
        {
            var found = _position >= _text.Length ? "the end of the document" : Describe(Peek());
            throw Error($"Expected '{expected}' but found {found}.");
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private char PeekAt(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private static string Describe(char c) => c switch
    {
        '\n' or '\r' => "a line break",
        ' ' => "a space",
        < ' ' => $"the control character U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private RdfSyntaxException Error(string message, int? at = null)
    {
        var position = at ?? _position;
        var line = _line;
        var lineStart = _lineStart;
        if (position < _lineStart)
        {
            line = 1 + _text.AsSpan(0, position).Count('\n');
            lineStart = _text.LastIndexOf('\n', Math.Max(position - 1, 0)) + 1;
        }

        return new RdfSyntaxException($"Not valid Turtle: {message}", line, position - lineStart + 1);
    }

    private static bool IsNameStartChar(char c) =>
        char.IsLetter(c) || c == '_' || char.IsSurrogate(c) || (c >= 0x00C0 && !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c));

    private static bool IsNameChar(char c) =>
        IsNameStartChar(c) || char.IsAsciiDigit(c) || c == '-' || c == '\u00B7' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;
}
