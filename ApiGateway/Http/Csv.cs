using System.Text;

namespace Census.ApiGateway.Http;

/// <summary>
/// RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or a
/// line break, quotes doubled inside. A field that starts with =, +, - or @ is prefixed with an
/// apostrophe, so a spreadsheet opening the file never runs it as a formula.
/// </summary>
public static class Csv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, header);
        foreach (var row in rows)
        {
            AppendLine(text, row);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(Escape(field ?? ""));
        }

        text.Append("\r\n");
    }

    private static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(field, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }
}
