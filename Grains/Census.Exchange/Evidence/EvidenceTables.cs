using System.Text;
using Census.Contracts.Provision;
using Census.Domain.Provision;
using Census.Exchange.Imports;

namespace Census.Exchange.Evidence;

/// <summary>
/// Reads a de-identification evidence table — one row per equivalence class of the release candidate — and computes
/// its risk figures and policy checks (provision.md §1). The table never holds personal data, only counts.
/// </summary>
/// <remarks>
/// <para><b>CSV and xlsx</b> (first worksheet): a header row, then one row per class. Columns, in any order:
/// <c>count</c> (exactly one: the class's record count n_i, a whole number ≥ 1); <c>qi:&lt;name&gt;</c> (at least one:
/// the class's value of that quasi-identifier, never empty — write <c>*</c> for a suppressed value);
/// <c>sa:&lt;attribute&gt;=&lt;value&gt;</c> (any number: how many of the class's records have that value of that sensitive
/// attribute, a whole number ≥ 0, never empty; an attribute's columns must add up to <c>count</c> in every row). No
/// other column is allowed; a column without a header must be empty. Blank rows are skipped. A CSV is read as UTF-8
/// when its bytes are UTF-8, else as CP949.</para>
/// <para><b>JSON</b>: <c>{"quasiIdentifiers":["age","zip"],"sensitive":{"diagnosis":["flu","cold"]},
/// "classes":[{"qi":["30-39","123**"],"count":12,"sensitive":{"diagnosis":[5,7]}}]}</c> — <c>quasiIdentifiers</c> and
/// <c>sensitive</c> (optional) before <c>classes</c>; a class's <c>qi</c> in the order of <c>quasiIdentifiers</c>, its
/// counts per attribute in the order of that attribute's values. Read as a stream: the classes array is never held.</para>
/// <para>No quasi-identifier combination may appear twice. Problems throw <see cref="EvidenceTableException"/> with the
/// 1-based data row and the column as the CSV header spells it, in every format.</para>
/// </remarks>
public static class EvidenceTables
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string JsonMediaType = "application/json";

    /// <summary>The format a Content-Type names (parameters ignored), else the one a file name's extension names; null when neither does.</summary>
    public static EvidenceTableFormat? FormatOf(string? contentType, string? fileName)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        EvidenceTableFormat? byType = mediaType switch
        {
            CsvMediaType => EvidenceTableFormat.Csv,
            XlsxMediaType => EvidenceTableFormat.Xlsx,
            JsonMediaType => EvidenceTableFormat.Json,
            _ => null,
        };
        if (byType is not null)
        {
            return byType;
        }

        return Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".csv" => EvidenceTableFormat.Csv,
            ".xlsx" => EvidenceTableFormat.Xlsx,
            ".json" => EvidenceTableFormat.Json,
            _ => null,
        };
    }

    /// <summary>
    /// Reads the table twice (t-closeness needs the whole table's distribution first; see
    /// <see cref="EquivalenceClassAccumulator"/>) and judges it by the policy. A stream that cannot seek is first copied
    /// to a temporary file. Throws <see cref="EvidenceTableException"/> for a table that cannot be evaluated.
    /// </summary>
    public static async Task<StructuredEvidenceResult> Evaluate(
        Stream table, EvidenceTableFormat format, DeidentificationPolicy policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(policy);
        var check = format == EvidenceTableFormat.Csv ? new Utf8Check() : null;
        await using var body = await SeekableContent.OpenAsync(table, check is null ? null : check.Feed, ct);
        check?.Finish();
        var encoding = check is null || check.InvalidAt < 0 ? Utf8Check.Strict : TextEncodings.Korean;
        var start = body.Stream.Position;

        EquivalenceClassAccumulator accumulator;
        using (var rows = await OpenAsync(body.Stream, format, encoding, ct))
        {
            accumulator = new EquivalenceClassAccumulator(rows.Header.QuasiIdentifiers, rows.Header.Sensitive);
            while (await rows.NextAsync(ct))
            {
                accumulator.Add(rows.Row, rows.Qi, rows.Count, rows.Sensitive);
            }
        }

        accumulator.BeginSecondPass();
        if (accumulator.NeedsSecondPass)
        {
            body.Stream.Position = start;
            using var rows = await OpenAsync(body.Stream, format, encoding, ct);
            while (await rows.NextAsync(ct))
            {
                accumulator.AddSecondPass(rows.Count, rows.Sensitive);
            }
        }

        return accumulator.Evaluate(policy);
    }

    internal static async Task<EvidenceRows> OpenAsync(Stream stream, EvidenceTableFormat format, Encoding encoding, CancellationToken ct) => format switch
    {
        EvidenceTableFormat.Csv => await CsvEvidenceRows.OpenAsync(stream, encoding),
        EvidenceTableFormat.Xlsx => await XlsxEvidenceRows.OpenAsync(stream, ct),
        EvidenceTableFormat.Json => await JsonEvidenceRows.OpenAsync(stream, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
