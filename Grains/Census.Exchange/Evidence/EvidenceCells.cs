using System.Globalization;
using Census.Domain.Provision;

namespace Census.Exchange.Evidence;

/// <summary>How a cell or JSON value of a table reads: whole numbers and quasi-identifier values, with the errors every format shares.</summary>
internal static class EvidenceCells
{
    public static long WholeNumber(string? text, bool isNumber, long row, string column)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new EvidenceTableException(
                column == EvidenceColumns.Count
                    ? $"Row {N(row)} has no count."
                    : $"Row {N(row)} has an empty cell in {column}: write 0 for a value the class does not have.",
                row, column);
        }

        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // A spreadsheet may store a whole number as 12.0 or 1.2E1.
        if (isNumber && decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)number;
        }

        throw new EvidenceTableException($"Row {N(row)}: '{Shorten(trimmed)}' in {column} is not a whole number.", row, column);
    }

    public static string QuasiIdentifier(string? text, long row, string column)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? throw new EvidenceTableException(
                $"Row {N(row)} has an empty cell in {column}: every class names its value of each quasi-identifier (write * for a suppressed value).",
                row, column)
            : trimmed;
    }

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
