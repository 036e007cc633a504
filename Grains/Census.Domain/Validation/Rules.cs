using System.Text.RegularExpressions;

namespace Census.Domain.Validation;

/// <summary>Field rules shared by every request: ids, text lengths, e-mail addresses.</summary>
public static partial class Rules
{
    /// <summary>The pattern every institution, round and dataset id matches (api.md).</summary>
    public const string IdPattern = "^[a-z0-9][a-z0-9-]{1,62}$";

    // \z, not $: in .NET "$" also matches before a final line break, which would let "abc\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    // Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    /// <summary>
    /// UTF-8 bytes allowed per counted character: every text limit is also a byte limit of this many
    /// times its character limit. Any single code point fits (at most 4 bytes), so Latin, Korean and
    /// single emoji text can always reach its character limit; a character built of many code points
    /// (combining marks, ZWJ sequences) spends the byte budget faster, so one field cannot carry kilobytes.
    /// </summary>
    public const int MaxBytesPerCharacter = 4;

    /// <summary>The UTF-8 byte limit of a text field whose character limit is <paramref name="maxLength"/>.</summary>
    public static int MaxBytes(int maxLength) => maxLength * MaxBytesPerCharacter;

    public static bool IsValidId(string? id) => id is not null && IdRegex().IsMatch(id);

    public static void Id(ValidationErrors errors, string path, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(path, "is required.");
        }
        else if (!IsValidId(id))
        {
            errors.Add(path, $"must match {IdPattern}.");
        }
    }

    public static void RequiredText(ValidationErrors errors, string path, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "is required.");
        }
        else
        {
            OptionalText(errors, path, value, maxLength);
        }
    }

    public static void OptionalText(ValidationErrors errors, string path, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        // Length in text elements is what a person counts; UTF-16 units would penalise Korean and emoji.
        // A cap in UTF-8 bytes as well stops one "character" carrying thousands of combining marks.
        var length = new System.Globalization.StringInfo(value).LengthInTextElements;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
        if (length > maxLength)
        {
            errors.Add(path, $"must be at most {maxLength} characters (got {length}).");
        }
        else if (bytes > MaxBytes(maxLength))
        {
            errors.Add(path, $"must be at most {MaxBytes(maxLength)} bytes in UTF-8 (got {bytes}).");
        }

        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            errors.Add(path, "must not contain control characters.");
        }
    }

    public static void OptionalEmail(ValidationErrors errors, string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > 254 || !EmailRegex().IsMatch(value))
        {
            errors.Add(path, "must be an e-mail address.");
        }
    }

    public static void Required<T>(ValidationErrors errors, string path, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(path, "is required.");
        }
    }
}
