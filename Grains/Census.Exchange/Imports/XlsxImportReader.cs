using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Exchange.Imports;

/// <summary>
/// Reads an xlsx import: the first worksheet, in the template's columns, with the Open XML SDK's SAX reader
/// (never the DOM of the sheet). Before the SDK opens anything the file must be a zip (an OLE/CFB file is an
/// encrypted workbook or a legacy .xls) whose entries unpack — as declared and as actually inflated — to at
/// most <see cref="ImportReaderOptions.MaxUnpackedBytes"/>.
/// </summary>
internal static class XlsxImportReader
{
    private static readonly byte[] CompoundFileSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        Stream content, ImportReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var body = await SeekableContent.OpenAsync(content, inspect: null, cancellationToken);
        var start = body.Stream.Position;
        await SniffAsync(body.Stream, cancellationToken);
        body.Stream.Position = start;
        CheckUnpackedSize(body.Stream, options);
        body.Stream.Position = start;

        using var document = Open(body.Stream);
        using var rows = XlsxRows.Open(document, options);
        var sheet = default(SurveySheet);
        var dataRows = 0;
        while (rows.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sheet is null)
            {
                if (row.Cells.All(c => c.IsEmpty))
                {
                    continue;
                }

                sheet = SurveySheet.Resolve([.. row.Cells.Select(c => c.Text)], row.Number, rows.Date1904);
                continue;
            }

            if (sheet.Read(row.Number, row.Cells) is not { } entry)
            {
                continue;
            }

            if (++dataRows > options.MaxRows)
            {
                throw new ImportFileException($"The file has more than {options.MaxRows} rows.", $"row {row.Number.ToString(CultureInfo.InvariantCulture)}");
            }

            yield return entry;
        }

        if (sheet is null)
        {
            throw new ImportFileException("The first worksheet is empty: its first row must be the template's header.", "row 1");
        }
    }

    internal static async Task SniffAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == head.Length && head.AsSpan().SequenceEqual(CompoundFileSignature))
        {
            throw new ImportFileException(
                "The file is an encrypted (password-protected) workbook or a legacy .xls: save it as an unprotected .xlsx.");
        }

        if (read < ZipSignature.Length || !head.AsSpan(0, ZipSignature.Length).SequenceEqual(ZipSignature))
        {
            throw new ImportFileException("The file is not a spreadsheet (.xlsx): it is not a zip package.");
        }
    }

    /// <summary>
    /// The declared sizes of the entries, summed, must stay within the limit. Sizes in a zip's directory are
    /// claims, but they bind: .NET's ZipArchive (which System.IO.Packaging and so the Open XML SDK read through)
    /// inflates no entry past its declared size, so what is actually inflated is bounded by the same sum
    /// (XlsxImportTests pins that behaviour of the runtime).
    /// </summary>
    internal static void CheckUnpackedSize(Stream stream, ImportReaderOptions options)
    {
        var limit = options.MaxUnpackedBytes;
        var bomb = $"The xlsx unpacks to more than {limit.ToString(CultureInfo.InvariantCulture)} bytes; a spreadsheet this size is refused (zip bomb).";
        long declared = 0;
        try
        {
            // The directory is read lazily: a damaged one surfaces while the entries are listed, not when the archive opens.
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limit)
                {
                    throw new ImportFileException(bomb);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("The file is not a spreadsheet (.xlsx): its zip package is damaged.");
        }
    }

    internal static SpreadsheetDocument Open(Stream stream)
    {
        try
        {
            return SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImportFileException("The file is not a spreadsheet (.xlsx): " + e.Message, e);
        }
    }
}
