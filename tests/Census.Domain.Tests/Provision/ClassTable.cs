using System.Globalization;
using System.Text;
using System.Text.Json;
using Census.Domain.Provision;
using Census.Domain.Tests.Exchange;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Census.Domain.Tests.Provision;

/// <summary>An equivalence-class table for tests, written out as CSV, JSON or xlsx in the evidence table format.</summary>
internal sealed record ClassTable(string[] Qi, SensitiveAttribute[] Sensitive, List<TableClass> Classes)
{
    public static ClassTable Of(string[] qi, SensitiveAttribute[] sensitive, params TableClass[] classes) => new(qi, sensitive, [.. classes]);

    public EquivalenceClassAccumulator Accumulate()
    {
        var accumulator = new EquivalenceClassAccumulator(Qi, Sensitive);
        for (var i = 0; i < Classes.Count; i++)
        {
            accumulator.Add(i + 1, Classes[i].Qi, Classes[i].Count, Classes[i].Sensitive);
        }

        accumulator.BeginSecondPass();
        foreach (var c in Classes)
        {
            accumulator.AddSecondPass(c.Count, c.Sensitive);
        }

        return accumulator;
    }

    public string[] Header() =>
        [.. Qi.Select(q => "qi:" + q), "count", .. Sensitive.SelectMany(s => s.Values.Select(v => $"sa:{s.Name}={v}"))];

    public IEnumerable<string[]> Rows() => Classes.Select(c =>
        (string[])[.. c.Qi, N(c.Count), .. c.Sensitive.Select(N)]);

    public string ToCsv()
    {
        var text = new StringBuilder();
        foreach (var row in Rows().Prepend(Header()))
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("quasiIdentifiers");
            foreach (var q in Qi)
            {
                json.WriteStringValue(q);
            }

            json.WriteEndArray();
            json.WriteStartObject("sensitive");
            foreach (var s in Sensitive)
            {
                json.WriteStartArray(s.Name);
                foreach (var v in s.Values)
                {
                    json.WriteStringValue(v);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartArray("classes");
            foreach (var c in Classes)
            {
                json.WriteStartObject();
                json.WriteStartArray("qi");
                foreach (var v in c.Qi)
                {
                    json.WriteStringValue(v);
                }

                json.WriteEndArray();
                json.WriteNumber("count", c.Count);
                json.WriteStartObject("sensitive");
                var at = 0;
                foreach (var s in Sensitive)
                {
                    json.WriteStartArray(s.Name);
                    for (var i = 0; i < s.Values.Count; i++)
                    {
                        json.WriteNumberValue(c.Sensitive[at++]);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public MemoryStream ToXlsx()
    {
        var header = Header();
        var rows = new List<Row> { XlsxFiles.Row(1, [.. header.Select((h, j) => XlsxFiles.Text(Cell(j, 1), h))]) };
        var number = 2u;
        foreach (var c in Classes)
        {
            var cells = c.Qi.Select((v, j) => XlsxFiles.Text(Cell(j, number), v))
                .Append(XlsxFiles.Number(Cell(c.Qi.Length, number), N(c.Count)))
                .Concat(c.Sensitive.Select((v, i) => XlsxFiles.Number(Cell(c.Qi.Length + 1 + i, number), N(v))));
            rows.Add(XlsxFiles.Row(number++, [.. cells]));
        }

        return XlsxFiles.Workbook(rows);
    }

    private static string Cell(int column, uint row) => Census.Exchange.Imports.CellReference.Of(column, (int)row);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}

/// <summary>One class: its quasi-identifier values, record count, and every attribute's value counts one after another.</summary>
internal sealed record TableClass(string[] Qi, long Count, long[] Sensitive)
{
    public static TableClass Of(string qi, long count, params long[] sensitive) => new([qi], count, sensitive);
}
