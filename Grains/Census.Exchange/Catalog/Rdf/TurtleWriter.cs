using System.Globalization;
using System.Text;

namespace Census.Exchange.Catalog.Rdf;

/// <summary>
/// Writes a graph as Turtle (RDF 1.1): prefixes, then one block per subject. Strings are escaped as the
/// grammar's STRING_LITERAL_QUOTE requires, IRIs as IRIREF (characters it forbids as <c>\uXXXX</c>),
/// language tags are checked against BCP 47's shape, typed literals carry their datatype.
/// </summary>
public static class TurtleWriter
{
    public static string Write(RdfGraph graph)
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in RdfPrefixes.All)
        {
            text.Append("@prefix ").Append(prefix).Append(": ").Append(Iri(ns)).Append(" .\n");
        }

        foreach (var subject in graph.BySubject())
        {
            text.Append('\n').Append(Name(subject.Key.Value));
            var predicates = subject.GroupBy(t => t.Predicate).ToList();
            for (var p = 0; p < predicates.Count; p++)
            {
                text.Append(p == 0 ? "\n    " : " ;\n    ").Append(Predicate(predicates[p].Key.Value)).Append(' ');
                text.AppendJoin(", ", predicates[p].Select(t => Term(t.Value)));
            }

            text.Append(" .\n");
        }

        return text.ToString();
    }

    private static string Predicate(string iri) => iri == Vocabulary.RdfSyntax.Type.Value ? "a" : Name(iri);

    private static string Name(string iri) => RdfPrefixes.Abbreviate(iri) ?? Iri(iri);

    private static string Term(RdfTerm term) => term switch
    {
        RdfIri iri => Name(iri.Value),
        RdfLiteral literal => Literal(literal),
        _ => throw new ArgumentOutOfRangeException(nameof(term), term, "Unknown RDF term."),
    };

    private static string Literal(RdfLiteral literal)
    {
        var quoted = Quote(literal.Value);
        if (literal.Language is { } language)
        {
            return quoted + "@" + LanguageTag.Checked(language);
        }

        return literal.Datatype is null or Xsd.PlainString ? quoted : quoted + "^^" + Name(literal.Datatype);
    }

    /// <summary>A string in double quotes with the escapes STRING_LITERAL_QUOTE needs (and every control character as \u).</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ' or '\u007f': text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>An IRI in angle brackets; characters IRIREF forbids are written as UCHAR escapes.</summary>
    public static string Iri(string iri)
    {
        var text = new StringBuilder(iri.Length + 2).Append('<');
        foreach (var c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('>').ToString();
    }
}
