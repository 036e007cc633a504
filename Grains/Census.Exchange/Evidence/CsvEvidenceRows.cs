using System.Globalization;
using System.Text;
using Census.Domain.Provision;
using Census.Exchange.Imports;
using CsvHelper;
using CsvHelper.Configuration;

namespace Census.Exchange.Evidence;

/// <summary>A CSV table's classes (RFC 4180, parsed by CsvHelper), in UTF-8 or, when the bytes are not UTF-8, CP949.</summary>
internal sealed class CsvEvidenceRows : EvidenceRows
{
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly EvidenceColumns _columns;
    private readonly Func<int, (string?, bool)> _cell;
    private string[] _fields = [];

    private CsvEvidenceRows(StreamReader text, CsvParser parser, EvidenceColumns columns)
        : base(columns.Header)
    {
        _text = text;
        _parser = parser;
        _columns = columns;
        _cell = j => (_fields[j], false);
    }

    public static async Task<CsvEvidenceRows> OpenAsync(Stream stream, Encoding encoding)
    {
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding.CodePage == Encoding.UTF8.CodePage, bufferSize: 64 * 1024, leaveOpen: true);
        var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = _ => throw new EvidenceTableException(
                "The CSV is malformed: a quote inside a field that is not quoted, or a quoted field that never closes."),
        });
        try
        {
            if (!await Next(parser))
            {
                throw new EvidenceTableException("The table is empty: its first row must be the header (count, qi:<name>, sa:<attribute>=<value>).", null, null);
            }

            var columns = EvidenceColumns.Resolve(parser.Record ?? []);
            return new CsvEvidenceRows(text, parser, columns);
        }
        catch
        {
            parser.Dispose();
            text.Dispose();
            throw;
        }
    }

    public override async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        while (await Next(_parser))
        {
            _fields = _parser.Record ?? [];
            if (_columns.Read(Row + 1, _fields.Length, _cell, Qi, Sensitive, out var count))
            {
                Row++;
                Count = count;
                return true;
            }
        }

        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parser.Dispose();
            _text.Dispose();
        }

        base.Dispose(disposing);
    }

    private static async Task<bool> Next(CsvParser parser)
    {
        try
        {
            return await parser.ReadAsync();
        }
        catch (Exception e) when (e is DecoderFallbackException || e.InnerException is DecoderFallbackException)
        {
            throw new EvidenceTableException("The CSV is not valid text in its encoding.", e);
        }
        catch (CsvHelperException e) when (e.InnerException is EvidenceTableException table)
        {
            throw table;
        }
        catch (CsvHelperException e)
        {
            throw new EvidenceTableException("The CSV cannot be parsed: " + e.Message, e);
        }
    }
}
