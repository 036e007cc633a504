using System.Globalization;
using System.Text.Json;

namespace Census.Exchange.Harvest.Rdf;

/// <summary>
/// A reader of JSON-LD 1.1 documents into triples, sufficient for data catalogues: <c>@context</c> (inline
/// objects, arrays of them, <c>null</c>, and URLs: the DCAT-AP 3.0.0/3.0.1 contexts are bundled
/// (<see cref="JsonLdBundledContexts"/>), any other URL applies <see cref="JsonLdFallback"/>), <c>@graph</c>,
/// <c>@id</c>, <c>@type</c>, value objects (<c>@value</c>/<c>@language</c>/<c>@type</c>), <c>@list</c>,
/// <c>@set</c>, <c>@reverse</c>, <c>@included</c>, nested node objects, compact IRIs, keyword aliases, term
/// definitions with <c>@type</c> coercion (<c>@id</c>, <c>@vocab</c>, datatypes), <c>@language</c>,
/// <c>@container</c> (<c>@list</c>, <c>@set</c>, <c>@language</c>, <c>@index</c>), property-scoped and
/// type-scoped contexts (the latter not reaching nested nodes), <c>@vocab</c> and <c>@base</c>. Not supported:
/// <c>@nest</c>, <c>@json</c> literals, <c>@direction</c>, <c>@import</c>, <c>@propagate</c>, <c>@prefix</c>
/// flags, <c>@protected</c> checks and named graphs as graphs (their triples join the default graph).
/// Keys that expand to no absolute IRI are dropped, as JSON-LD says.
/// </summary>
public sealed class JsonLdReader
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    };

    private const int MaxTermChain = 100;

    private readonly RdfGraph _graph = new();
    private readonly Dictionary<string, RdfTerm> _labels = new(StringComparer.Ordinal);
    private int _blankNodes;

    private JsonLdReader()
    {
    }

    /// <summary>Reads <paramref name="json"/>; a document that is not JSON throws <see cref="RdfSyntaxException"/>.</summary>
    public static RdfGraph Read(string json, string? baseIri = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new RdfSyntaxException($"Not valid JSON: {e.Message}", (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1);
        }

        using (document)
        {
            var reader = new JsonLdReader();
            reader.Top(document.RootElement, new JsonLdContext { Base = baseIri });
            return reader._graph;
        }
    }

    private void Top(JsonElement root, JsonLdContext context)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in root.EnumerateArray())
                {
                    Top(item, context);
                }

                break;
            case JsonValueKind.Object:
                if (root.TryGetProperty("@context", out var local))
                {
                    context = Process(context, local);
                }

                var graph = default(JsonElement?);
                var isNode = false;
                foreach (var property in root.EnumerateObject())
                {
                    var key = property.Name == "@context" ? "@context" : ExpandIri(context, property.Name, vocab: true);
                    if (key == "@graph")
                    {
                        graph = property.Value;
                    }
                    else if (key is not null and not "@context")
                    {
                        isNode = true;
                    }
                }

                // A document of only @context and @graph is a container of nodes, not a node itself.
                if (isNode)
                {
                    Node(root, context);
                }
                else if (graph is { } nodes)
                {
                    foreach (var item in nodes.ValueKind == JsonValueKind.Array ? nodes.EnumerateArray() : Enumerable.Repeat(nodes, 1))
                    {
                        Top(item, context);
                    }
                }

                break;
            default:
                throw new RdfSyntaxException("Not a JSON-LD document: the top level must be an object or an array.", 0, 0);
        }
    }

    private RdfTerm Node(JsonElement node, JsonLdContext context)
    {
        if (node.TryGetProperty("@context", out var local))
        {
            context = Process(context, local);
        }

        context = TypeScoped(node, context);

        RdfTerm? subject = null;
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name != "@context" && ExpandIri(context, property.Name, vocab: true) == "@id" && property.Value.ValueKind == JsonValueKind.String)
            {
                subject = NodeReference(context, property.Value.GetString()!);
            }
        }

        subject ??= NewBlankNode();
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "@context")
            {
                continue;
            }

            var key = ExpandIri(context, property.Name, vocab: true);
            switch (key)
            {
                case null or "@id" or "@index" or "@nest" or "@context":
                    continue;
                case "@type":
                    foreach (var type in Items(property.Value).Where(t => t.ValueKind == JsonValueKind.String))
                    {
                        if (ExpandIri(context, type.GetString()!, vocab: true) is { } typeIri && IsUsableIri(typeIri))
                        {
                            _graph.Add(subject, RdfTerm.Iri(RdfNames.Type), ToTerm(typeIri));
                        }
                    }

                    continue;
                case "@graph" or "@included":
                    foreach (var item in Items(property.Value).Where(i => i.ValueKind == JsonValueKind.Object))
                    {
                        Node(item, context);
                    }

                    continue;
                case "@reverse":
                    Reverse(subject, property.Value, context);
                    continue;
            }

            if (key.StartsWith('@') || !IsUsableIri(key))
            {
                continue;
            }

            context.Terms.TryGetValue(property.Name, out var term);
            if (term is { Reverse: true })
            {
                foreach (var value in Values(property.Value, term, context))
                {
                    _graph.Add(value, RdfTerm.Iri(key), subject);
                }

                continue;
            }

            foreach (var value in Values(property.Value, term, context))
            {
                _graph.Add(subject, RdfTerm.Iri(key), value);
            }
        }

        return subject;
    }

    private void Reverse(RdfTerm subject, JsonElement reverse, JsonLdContext context)
    {
        if (reverse.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in reverse.EnumerateObject())
        {
            if (ExpandIri(context, property.Name, vocab: true) is { } key && IsUsableIri(key) && !key.StartsWith('@'))
            {
                foreach (var value in Values(property.Value, null, context).Where(v => !v.IsLiteral))
                {
                    _graph.Add(value, RdfTerm.Iri(key), subject);
                }
            }
        }
    }

    private List<RdfTerm> Values(JsonElement value, JsonLdTerm? term, JsonLdContext context)
    {
        if (term?.ScopedContext is { } scoped)
        {
            context = Process(context, scoped);
        }

        var results = new List<RdfTerm>();
        var containers = term?.Containers ?? new HashSet<string>();
        if (value.ValueKind == JsonValueKind.Object && containers.Contains("@language"))
        {
            foreach (var entry in value.EnumerateObject())
            {
                var language = ExpandIri(context, entry.Name, vocab: true) == "@none" ? null : entry.Name;
                results.AddRange(Items(entry.Value).Where(v => v.ValueKind == JsonValueKind.String)
                    .Select(v => RdfTerm.Literal(v.GetString()!, language)));
            }

            return results;
        }

        if (value.ValueKind == JsonValueKind.Object && containers.Contains("@index") && !IsValueOrNode(value, context))
        {
            foreach (var entry in value.EnumerateObject())
            {
                results.AddRange(Values(entry.Value, term! with { Containers = new HashSet<string>(StringComparer.Ordinal), ScopedContext = null }, context));
            }

            return results;
        }

        if (containers.Contains("@list"))
        {
            results.Add(List(value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value], term, context));
            return results;
        }

        results.AddRange(Items(value).SelectMany(item => Value(item, term, context)));
        return results;
    }

    private IEnumerable<RdfTerm> Value(JsonElement item, JsonLdTerm? term, JsonLdContext context)
    {
        switch (item.ValueKind)
        {
            case JsonValueKind.String:
                return StringValue(item.GetString()!, term, context) is { } text ? [text] : [];
            case JsonValueKind.Number:
                return [NumberValue(item, term?.TypeMapping is { } t && !t.StartsWith('@') ? t : null)];
            case JsonValueKind.True or JsonValueKind.False:
                return [RdfTerm.Literal(item.ValueKind == JsonValueKind.True ? "true" : "false", datatype: RdfNames.XsdBoolean)];
            case JsonValueKind.Array:
                // Arrays of arrays are flattened outside lists (JSON-LD 1.0 behaviour), keeping what they hold.
                return [.. Items(item).SelectMany(i => Value(i, term, context))];
            case JsonValueKind.Object:
                return ObjectValue(item, term, context);
            default:
                return [];
        }
    }

    private IEnumerable<RdfTerm> ObjectValue(JsonElement item, JsonLdTerm? term, JsonLdContext context)
    {
        JsonElement? value = null, language = null, type = null, list = null, set = null;
        var local = context;
        if (item.TryGetProperty("@context", out var inner))
        {
            local = Process(context, inner);
        }

        foreach (var property in item.EnumerateObject())
        {
            switch (property.Name == "@context" ? null : ExpandIri(local, property.Name, vocab: true))
            {
                case "@value": value = property.Value; break;
                case "@language": language = property.Value; break;
                case "@type": type = property.Value; break;
                case "@list": list = property.Value; break;
                case "@set": set = property.Value; break;
            }
        }

        if (value is { } v)
        {
            var datatype = type is { ValueKind: JsonValueKind.String } t ? ExpandIri(local, t.GetString()!, vocab: true) : null;
            RdfTerm? literal = v.ValueKind switch
            {
                JsonValueKind.String => RdfTerm.Literal(v.GetString()!, language is { ValueKind: JsonValueKind.String } l ? l.GetString() : null, datatype),
                JsonValueKind.Number => NumberValue(v, datatype),
                JsonValueKind.True or JsonValueKind.False => RdfTerm.Literal(v.ValueKind == JsonValueKind.True ? "true" : "false", datatype: datatype ?? RdfNames.XsdBoolean),
                _ => null,
            };
            return literal is null ? [] : [literal];
        }

        if (list is { } items)
        {
            return [List(items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : [items], term, local)];
        }

        if (set is { } members)
        {
            return [.. Items(members).SelectMany(m => Value(m, term, local))];
        }

        // A type-scoped context does not reach nested nodes (JSON-LD 1.1, "propagate": false by default).
        return [Node(item, local.Previous ?? local)];
    }

    /// <summary>
    /// The node's types that are terms with a context apply it, in the lexical order of the types
    /// (JSON-LD 1.1 API, 13.4.4); the context before them is kept to give nested nodes.
    /// </summary>
    private static JsonLdContext TypeScoped(JsonElement node, JsonLdContext context)
    {
        var types = new List<string>();
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name != "@context" && ExpandIri(context, property.Name, vocab: true) == "@type")
            {
                types.AddRange(Items(property.Value).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
            }
        }

        var scoped = context;
        foreach (var type in types.Order(StringComparer.Ordinal))
        {
            if (context.Terms.TryGetValue(type, out var term) && term.ScopedContext is { } typeContext)
            {
                scoped = Process(scoped, typeContext);
            }
        }

        return ReferenceEquals(scoped, context) ? context : scoped with { Previous = context.Previous ?? context };
    }

    private RdfTerm List(IReadOnlyList<JsonElement> items, JsonLdTerm? term, JsonLdContext context)
    {
        var values = items.SelectMany(i => Value(i, term is null ? null : term with { Containers = new HashSet<string>(StringComparer.Ordinal) }, context))
            .ToList();
        if (values.Count == 0)
        {
            return RdfTerm.Iri(RdfNames.Nil);
        }

        var head = NewBlankNode();
        var current = head;
        for (var i = 0; i < values.Count; i++)
        {
            _graph.Add(current, RdfTerm.Iri(RdfNames.First), values[i]);
            var next = i == values.Count - 1 ? RdfTerm.Iri(RdfNames.Nil) : NewBlankNode();
            _graph.Add(current, RdfTerm.Iri(RdfNames.Rest), next);
            current = next;
        }

        return head;
    }

    private RdfTerm? StringValue(string text, JsonLdTerm? term, JsonLdContext context)
    {
        switch (term?.TypeMapping)
        {
            case "@id":
                return NodeReference(context, text);
            case "@vocab":
                return ExpandIri(context, text, vocab: true) is { } iri && IsUsableIri(iri) ? ToTerm(iri) : null;
            case { } datatype when !datatype.StartsWith('@'):
                return RdfTerm.Literal(text, datatype: datatype);
        }

        var language = term is { HasLanguage: true } ? term.Language : context.Language;
        return RdfTerm.Literal(text, language);
    }

    private static RdfTerm NumberValue(JsonElement number, string? datatype)
    {
        var raw = number.GetRawText();
        if (datatype is not null)
        {
            return RdfTerm.Literal(raw, datatype: datatype);
        }

        var isInteger = !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (isInteger)
        {
            return RdfTerm.Literal(raw, datatype: RdfNames.XsdInteger);
        }

        // Beyond the range of a double the canonical form would be "Infinity": keep what the document wrote.
        var value = number.GetDouble();
        return RdfTerm.Literal(double.IsFinite(value) ? value.ToString("0.0##############E0", CultureInfo.InvariantCulture) : raw, datatype: RdfNames.XsdDouble);
    }

    private RdfTerm NodeReference(JsonLdContext context, string reference)
    {
        if (reference.StartsWith("_:", StringComparison.Ordinal))
        {
            return Label(reference[2..]);
        }

        var iri = ExpandIri(context, reference, vocab: false, documentRelative: true);
        return iri is null ? NewBlankNode() : ToTerm(iri);
    }

    private RdfTerm ToTerm(string iri) => iri.StartsWith("_:", StringComparison.Ordinal) ? Label(iri[2..]) : RdfTerm.Iri(iri);

    private RdfTerm Label(string label)
    {
        if (!_labels.TryGetValue(label, out var node))
        {
            node = NewBlankNode();
            _labels.Add(label, node);
        }

        return node;
    }

    private RdfTerm NewBlankNode() => RdfTerm.Blank($"b{++_blankNodes}");

    private static bool IsValueOrNode(JsonElement value, JsonLdContext context) =>
        value.EnumerateObject().Any(p => ExpandIri(context, p.Name, vocab: true) is "@value" or "@id" or "@list" or "@set" or "@type");

    private static bool IsUsableIri(string iri) => iri.StartsWith("_:", StringComparison.Ordinal) || IriReference.IsAbsolute(iri);

    private static List<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];

    /// <summary>
    /// IRI expansion (JSON-LD 1.1 API, 5.2): keywords stay, terms map (vocab only), compact IRIs expand by
    /// their prefix (falling back on <see cref="WellKnownPrefixes"/>), then <c>@vocab</c> or the base applies.
    /// Null when the value names nothing (an undefined term, an unknown keyword-like string).
    /// </summary>
    private static string? ExpandIri(JsonLdContext context, string value, bool vocab, bool documentRelative = false)
    {
        if (value.StartsWith('@'))
        {
            return Keywords.Contains(value) ? value : null;
        }

        if (vocab && context.Terms.TryGetValue(value, out var term))
        {
            return term.Iri;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (context.Terms.TryGetValue(prefix, out var prefixTerm) && prefixTerm.Iri is { } ns && !ns.StartsWith('@'))
            {
                return ns + suffix;
            }

            if (WellKnownPrefixes.All.TryGetValue(prefix, out var known))
            {
                return known + suffix;
            }

            if (IriReference.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && context.Vocab is not null)
        {
            return context.Vocab + value;
        }

        return documentRelative ? IriReference.Resolve(context.Base, value) : value;
    }

    /// <summary>Context processing (JSON-LD 1.1 API, 4.1), for the features this reader supports.</summary>
    private static JsonLdContext Process(JsonLdContext active, JsonElement local)
    {
        var result = active;
        foreach (var item in Items(local))
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Null:
                    result = new JsonLdContext { Base = active.Base };
                    break;
                case JsonValueKind.String:
                    result = JsonLdBundledContexts.TryGet(item.GetString()!, out var bundled) ? Process(result, bundled) : WithFallback(result);
                    break;
                case JsonValueKind.Object:
                    result = Define(result, item);
                    break;
                default:
                    throw new RdfSyntaxException("Not valid JSON-LD: a @context must be an object, a URL, null or an array of them.", 0, 0);
            }
        }

        return result;
    }

    private static JsonLdContext WithFallback(JsonLdContext context)
    {
        if (context.UsesFallback)
        {
            return context;
        }

        var terms = new Dictionary<string, JsonLdTerm>(JsonLdFallback.Terms, StringComparer.Ordinal);
        foreach (var (name, term) in context.Terms)
        {
            terms[name] = term;
        }

        return context with { Terms = terms, UsesFallback = true };
    }

    private static JsonLdContext Define(JsonLdContext active, JsonElement local)
    {
        var result = active;
        if (local.TryGetProperty("@base", out var baseValue))
        {
            result = result with
            {
                Base = baseValue.ValueKind == JsonValueKind.String ? IriReference.Resolve(active.Base, baseValue.GetString()!) : null,
            };
        }

        if (local.TryGetProperty("@vocab", out var vocabValue))
        {
            result = result with
            {
                Vocab = vocabValue.ValueKind == JsonValueKind.String
                    ? (vocabValue.GetString() is var v && (IriReference.IsAbsolute(v!) || v!.StartsWith("_:", StringComparison.Ordinal))
                        ? ExpandIri(result, v!, vocab: true) ?? v
                        : IriReference.Resolve(result.Base, v!))
                    : null,
            };
        }

        if (local.TryGetProperty("@language", out var languageValue))
        {
            result = result with { Language = languageValue.ValueKind == JsonValueKind.String ? languageValue.GetString() : null };
        }

        var terms = new Dictionary<string, JsonLdTerm>(result.Terms, StringComparer.Ordinal);
        var defining = new HashSet<string>(StringComparer.Ordinal);
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in local.EnumerateObject())
        {
            if (!property.Name.StartsWith('@'))
            {
                DefineTerm(result, local, property.Name, terms, defining, defined);
            }
        }

        return result with { Terms = terms };
    }

    private static void DefineTerm(
        JsonLdContext context, JsonElement local, string name, Dictionary<string, JsonLdTerm> terms, HashSet<string> defining, HashSet<string> defined)
    {
        if (defined.Contains(name))
        {
            return;
        }

        // Each definition may first define the prefix it uses; a chain that long is no catalogue's context.
        if (defining.Count > MaxTermChain)
        {
            throw new RdfSyntaxException($"Not valid JSON-LD: defining '{name}' needs a chain of more than {MaxTermChain} other terms.", 0, 0);
        }

        if (!defining.Add(name))
        {
            throw new RdfSyntaxException($"Not valid JSON-LD: the term '{name}' is defined through itself (a cyclic IRI mapping).", 0, 0);
        }

        var value = local.GetProperty(name);
        var current = context with { Terms = terms };

        // A term's IRI may use a prefix defined in this same context: define that prefix first.
        string? Expand(string text, bool vocab)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var dependency = colon > 0 ? text[..colon] : text;
            if (dependency != name && local.TryGetProperty(dependency, out _) && !dependency.StartsWith('@'))
            {
                DefineTerm(context, local, dependency, terms, defining, defined);
            }

            return ExpandIri(context with { Terms = terms }, text, vocab);
        }

        JsonLdTerm term;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                term = new JsonLdTerm((string?)null);
                break;
            case JsonValueKind.String:
                term = new JsonLdTerm(Expand(value.GetString()!, vocab: true));
                break;
            case JsonValueKind.Object:
                term = ObjectTerm(name, value, current, Expand);
                break;
            default:
                throw new RdfSyntaxException($"Not valid JSON-LD: the definition of '{name}' must be a string, an object or null.", 0, 0);
        }

        terms[name] = term;
        defining.Remove(name);
        defined.Add(name);
    }

    private static JsonLdTerm ObjectTerm(string name, JsonElement value, JsonLdContext context, Func<string, bool, string?> expand)
    {
        string? iri;
        var reverse = false;
        if (value.TryGetProperty("@reverse", out var reverseValue) && reverseValue.ValueKind == JsonValueKind.String)
        {
            iri = expand(reverseValue.GetString()!, true);
            reverse = true;
        }
        else if (value.TryGetProperty("@id", out var id))
        {
            iri = id.ValueKind == JsonValueKind.String ? expand(id.GetString()!, true) : null;
        }
        else
        {
            iri = name.Contains(':', StringComparison.Ordinal) ? expand(name, true)
                : context.Vocab is not null ? context.Vocab + name
                : null;
        }

        string? typeMapping = null;
        if (value.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            var text = type.GetString()!;
            typeMapping = text.StartsWith('@') ? text : expand(text, true);
        }

        var containers = new HashSet<string>(StringComparer.Ordinal);
        if (value.TryGetProperty("@container", out var container))
        {
            foreach (var c in Items(container).Where(c => c.ValueKind == JsonValueKind.String))
            {
                containers.Add(c.GetString()!);
            }
        }

        var hasLanguage = value.TryGetProperty("@language", out var language);
        return new JsonLdTerm(iri)
        {
            TypeMapping = typeMapping,
            HasLanguage = hasLanguage,
            Language = hasLanguage && language.ValueKind == JsonValueKind.String ? language.GetString() : null,
            Containers = containers,
            Reverse = reverse,
            ScopedContext = value.TryGetProperty("@context", out var scoped) ? scoped.Clone() : null,
        };
    }
}
