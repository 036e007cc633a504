using Census.Domain.Provision;

namespace Census.Exchange.Evidence;

/// <summary>
/// The header row of a CSV or xlsx table: <c>count</c> once, <c>qi:&lt;name&gt;</c> at least once,
/// <c>sa:&lt;attribute&gt;=&lt;value&gt;</c> any number of times; a column without a header is allowed only when
/// every one of its cells is empty (spreadsheets keep formatted empty columns).
/// </summary>
internal sealed class EvidenceColumns
{
    public const string Count = "count";
    public const string QiPrefix = "qi:";
    public const string SaPrefix = "sa:";

    private enum Kind { None, Count, Qi, Sa }

    private readonly (Kind Kind, int Index, string Name)[] _columns;

    private EvidenceColumns((Kind, int, string)[] columns, EvidenceHeader header)
    {
        _columns = columns;
        Header = header;
    }

    public EvidenceHeader Header { get; }

    public static EvidenceColumns Resolve(IReadOnlyList<string?> headers)
    {
        var columns = new (Kind, int, string)[headers.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var quasiIdentifiers = new List<string>();
        var attributes = new List<(string Name, List<string> Values, List<int> Columns)>();
        var hasCount = false;
        for (var j = 0; j < headers.Count; j++)
        {
            var header = headers[j]?.Trim() ?? "";
            if (header.Length == 0)
            {
                columns[j] = (Kind.None, -1, "");
                continue;
            }

            if (!seen.Add(header))
            {
                throw new EvidenceTableException($"The column {header} appears twice in the header.", null, header);
            }

            if (header == Count)
            {
                hasCount = true;
                columns[j] = (Kind.Count, 0, header);
            }
            else if (header.StartsWith(QiPrefix, StringComparison.Ordinal) && header.Length > QiPrefix.Length)
            {
                columns[j] = (Kind.Qi, quasiIdentifiers.Count, header);
                quasiIdentifiers.Add(header[QiPrefix.Length..]);
            }
            else if (header.StartsWith(SaPrefix, StringComparison.Ordinal))
            {
                var rest = header[SaPrefix.Length..];
                var equals = rest.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0 || equals == rest.Length - 1)
                {
                    throw new EvidenceTableException(
                        $"The column {header} is not a sensitive value column: write sa:<attribute>=<value>, e.g. sa:diagnosis=flu.", null, header);
                }

                var name = rest[..equals];
                var at = attributes.FindIndex(a => a.Name == name);
                if (at < 0)
                {
                    at = attributes.Count;
                    attributes.Add((name, [], []));
                }

                attributes[at].Values.Add(rest[(equals + 1)..]);
                attributes[at].Columns.Add(j);
            }
            else
            {
                throw new EvidenceTableException(
                    $"The column {EvidenceCells.Shorten(header)} is not one an equivalence-class table has: use count, qi:<name> or sa:<attribute>=<value>.",
                    null, header);
            }
        }

        if (!hasCount)
        {
            throw new EvidenceTableException("The header has no count column: each class's record count goes in a column named count.", null, Count);
        }

        if (quasiIdentifiers.Count == 0)
        {
            throw new EvidenceTableException("The header has no quasi-identifier column: name at least one qi:<name> column.", null, null);
        }

        // A value's place in the flat count array: attributes in order of first appearance, values in column order.
        var flat = 0;
        foreach (var (_, _, attributeColumns) in attributes)
        {
            foreach (var j in attributeColumns)
            {
                columns[j] = (Kind.Sa, flat++, headers[j]!.Trim());
            }
        }

        var sensitive = attributes.Select(a => new SensitiveAttribute(a.Name, a.Values)).ToList();
        return new EvidenceColumns(columns, new EvidenceHeader(quasiIdentifiers, sensitive));
    }

    /// <summary>Reads a data row's cells into the class buffers; false for a row whose every cell is empty.</summary>
    public bool Read(long row, int cellCount, Func<int, (string? Text, bool IsNumber)> cell, string[] qi, long[] sensitive, out long count)
    {
        count = 0;
        var any = false;
        for (var j = 0; j < cellCount && !any; j++)
        {
            any = !string.IsNullOrWhiteSpace(cell(j).Text);
        }

        if (!any)
        {
            return false;
        }

        for (var j = 0; j < Math.Max(cellCount, _columns.Length); j++)
        {
            var value = j < cellCount ? cell(j) : (null, false);
            if (j >= _columns.Length || _columns[j].Kind == Kind.None)
            {
                if (!string.IsNullOrWhiteSpace(value.Text))
                {
                    throw new EvidenceTableException(
                        $"Row {EvidenceCells.N(row)} has a value in a column without a header ({Census.Exchange.Imports.CellReference.Column(j)}).", row, null);
                }

                continue;
            }

            Fill(j, row, value, qi, sensitive, ref count);
        }

        return true;
    }

    private void Fill(int j, long row, (string? Text, bool IsNumber) value, string[] qi, long[] sensitive, ref long count)
    {
        var (kind, index, name) = _columns[j];
        switch (kind)
        {
            case Kind.Count:
                count = EvidenceCells.WholeNumber(value.Text, value.IsNumber, row, name);
                break;
            case Kind.Qi:
                qi[index] = EvidenceCells.QuasiIdentifier(value.Text, row, name);
                break;
            case Kind.Sa:
                sensitive[index] = EvidenceCells.WholeNumber(value.Text, value.IsNumber, row, name);
                break;
        }
    }
}
