using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Census.Exchange.Imports;

/// <summary>
/// Reads a CSV import (RFC 4180, parsed by CsvHelper) in the template's columns. The charset parameter
/// decides the encoding; without one, the bytes are UTF-8 when every byte sequence is valid UTF-8 (with or
/// without a BOM), else CP949. The check runs over the whole body as it streams past (into a temporary file
/// when the body cannot be rewound), so a 64 MiB upload is never one string. Rows are numbered as a
/// spreadsheet numbers them: the header is row 1, and a quoted line break does not start a new row.
/// </summary>
internal static class CsvImportReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream content, string? charset, ImportReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var check = new Utf8Check();
        await using var body = await SeekableContent.OpenAsync(content, check.Feed, cancellationToken);
        check.Finish();
        var encoding = Choose(charset, check.InvalidAt);
        using var text = new StreamReader(body.Stream, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == Encoding.UTF8.CodePage, leaveOpen: true);
        var row = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            BadDataFound = args => throw new ImportFileException(
                "The CSV is malformed: a quote inside a field that is not quoted, or a quoted field that never closes.",
                $"row {(row + 1).ToString(CultureInfo.InvariantCulture)}"),
        };
        using var parser = new CsvParser(text, config);
        SurveySheet? sheet = null;
        var dataRows = 0;
        while (await Next(parser, encoding, row + 1))
        {
            row++;
            var fields = parser.Record ?? [];
            CheckLengths(fields, row, options);
            if (sheet is null)
            {
                sheet = SurveySheet.Resolve(fields, row);
                continue;
            }

            var cells = new SheetCell[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                cells[i] = new SheetCell(Unescape(fields[i]));
            }

            if (sheet.Read(row, cells) is not { } entry)
            {
                continue;
            }

            if (++dataRows > options.MaxRows)
            {
                throw new ImportFileException($"The file has more than {options.MaxRows} rows.", $"row {row.ToString(CultureInfo.InvariantCulture)}");
            }

            yield return entry;
        }

        if (sheet is null)
        {
            throw new ImportFileException("The file is empty: its first row must be the template's header.", "row 1");
        }
    }

    private static Encoding Choose(string? charset, long invalidUtf8At)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return invalidUtf8At < 0 ? Utf8Check.Strict : TextEncodings.Korean;
        }

        var named = TextEncodings.Named(charset.Trim()) ?? throw new ImportFileException(
            $"The charset '{charset}' is not one this import reads; send UTF-8 or CP949 (EUC-KR).", "Content-Type");
        if (TextEncodings.IsUtf8(charset.Trim()) && invalidUtf8At >= 0)
        {
            // Said UTF-8, is not: decoding it anyway would store mojibake, so the file is refused and says where.
            throw new ImportFileException(
                $"The file is not valid UTF-8, as its charset says (byte {invalidUtf8At.ToString(CultureInfo.InvariantCulture)}). " +
                "Korean spreadsheet programs often save CSV as CP949: send charset=cp949, or save the file as UTF-8.",
                $"byte {invalidUtf8At.ToString(CultureInfo.InvariantCulture)}");
        }

        return named;
    }

    private static async Task<bool> Next(CsvParser parser, Encoding encoding, int row)
    {
        var where = $"row {row.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            return await parser.ReadAsync();
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw new ImportFileException($"The file is not valid {TextEncodings.Name(encoding)} text (at or after {where}).", where);
        }
        catch (CsvHelperException e) when (e.InnerException is ImportFileException file)
        {
            throw file;
        }
        catch (CsvHelperException e)
        {
            // Whatever else the parser refuses is a problem of the file, never of the server.
            throw new ImportFileException($"The CSV cannot be parsed at or after {where}.", where, e);
        }
    }

    private static void CheckLengths(string[] fields, int row, ImportReaderOptions options)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length > options.MaxCellLength)
            {
                var cell = CellReference.Of(i, row);
                throw new ImportFileException(
                    $"Cell {cell} has {fields[i].Length} characters; a cell may hold at most {options.MaxCellLength}.", cell);
            }
        }
    }

    /// <summary>
    /// The CSV exports prefix an apostrophe to a field starting with = + - @ (or a tab or carriage return) so a
    /// spreadsheet never runs it as a formula; reading takes that apostrophe off again, so export → import is exact.
    /// </summary>
    internal static string Unescape(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;
}
