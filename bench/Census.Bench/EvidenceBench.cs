using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Census.Domain.Provision;
using Census.Exchange.Evidence;
using CsvHelper;
using CsvHelper.Configuration;

/// <summary>
/// The equivalence-class table benchmark of issue 13 (bench/run-evidence.sh): a deterministic table of
/// <c>classes</c> classes (3 quasi-identifiers, one sensitive attribute with 5 values) is written to a temporary file,
/// then, in one process, the anchor — the same file's rows only parsed (CsvHelper fields / Utf8JsonReader tokens), no
/// figures — and <see cref="EvidenceTables.Evaluate"/> on it (two passes), each best of three, with the process's peak
/// working set and the bytes the evaluation allocated. One format per process, so each peak is its own.
/// </summary>
static class EvidenceBench
{
    private const int Values = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var classes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var format = args.Length > 2 && args[2] == "json" ? EvidenceTableFormat.Json : EvidenceTableFormat.Csv;
        var path = Path.Combine(Path.GetTempPath(), $"census-evidence-{classes}.{(format == EvidenceTableFormat.Json ? "json" : "csv")}");
        try
        {
            var written = Stopwatch.StartNew();
            Write(path, classes, format);
            var bytes = new FileInfo(path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format}: {classes:N0} classes, {bytes / 1048576.0:0.0} MiB written in {written.Elapsed.TotalSeconds:0.0} s"));

            var anchor = Best(3, () => Task.FromResult(ReadOnly(path, format)));
            var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
            StructuredEvidenceResult? result = null;
            long allocated = 0;
            var evaluate = Best(3, async () =>
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
                result = await EvidenceTables.Evaluate(file, format, DeidentificationPolicies.Default, CancellationToken.None);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                return result.Figures.Classes;
            });
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var f = result!.Figures;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"figures: N {f.Records:N0}, C {f.Classes:N0}, k {f.K}, l {f.L}, t {f.T}, at risk {f.RecordsAtRisk:N0}, passed {result.Passed}"));
            Console.WriteLine();
            Console.WriteLine("| format | classes | file MiB | anchor: rows only, s | evaluate (2 passes), s | classes/s | evaluate ÷ anchor | allocated MiB | peak working set MiB (before evaluate) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {format.ToString().ToUpperInvariant()} | {classes:N0} | {bytes / 1048576.0:0.0} | {anchor.TotalSeconds:0.00} | {evaluate.TotalSeconds:0.00} | " +
                $"{classes / evaluate.TotalSeconds:N0} | {evaluate.TotalSeconds / anchor.TotalSeconds:0.0} | {allocated / 1048576.0:0} | " +
                $"{process.PeakWorkingSet64 / 1048576.0:0} ({peakBefore / 1048576.0:0}) |"));
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TimeSpan Best(int times, Func<Task<long>> run)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < times; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            run().GetAwaiter().GetResult();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    // Deterministic: class i has age i % 100, region (i / 100) % 1000 and district i / 100000 — every combination once —
    // and a seeded size 1..60 split at random over the five diagnoses.
    private static void Write(string path, int classes, EvidenceTableFormat format)
    {
        var random = new Random(13);
        using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        var counts = new long[Values];
        if (format == EvidenceTableFormat.Csv)
        {
            file.Write("qi:age,qi:region,qi:district,count");
            for (var v = 0; v < Values; v++)
            {
                file.Write($",sa:diagnosis=d{v}");
            }

            file.Write("\r\n");
        }
        else
        {
            file.Write("""{"quasiIdentifiers":["age","region","district"],"sensitive":{"diagnosis":["d0","d1","d2","d3","d4"]},"classes":[""");
        }

        for (var i = 0; i < classes; i++)
        {
            var n = random.Next(1, 61);
            Array.Clear(counts);
            for (var r = 0; r < n; r++)
            {
                counts[random.Next(Values)]++;
            }

            var age = i % 100;
            var region = (i / 100) % 1000;
            var district = i / 100000;
            file.Write(format == EvidenceTableFormat.Csv
                ? string.Create(CultureInfo.InvariantCulture, $"{age},R{region:D3},D{district},{n},{string.Join(',', counts)}\r\n")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{(i == 0 ? "" : ",")}{{\"qi\":[\"{age}\",\"R{region:D3}\",\"D{district}\"],\"count\":{n},\"sensitive\":{{\"diagnosis\":[{string.Join(',', counts)}]}}}}"));
        }

        if (format == EvidenceTableFormat.Json)
        {
            file.Write("]}");
        }
    }

    // The anchor: the bytes parsed into rows (CSV fields) or tokens (JSON), with nothing checked or computed.
    private static long ReadOnly(string path, EvidenceTableFormat format)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        long items = 0;
        if (format == EvidenceTableFormat.Csv)
        {
            using var text = new StreamReader(file, Encoding.UTF8, false, 64 * 1024);
            using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
            while (parser.Read())
            {
                items += parser.Record!.Length;
            }

            return items;
        }

        var buffer = new byte[64 * 1024];
        var state = default(JsonReaderState);
        var kept = 0;
        while (true)
        {
            var read = file.Read(buffer, kept, buffer.Length - kept);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, kept + read), read == 0, state);
            while (reader.Read())
            {
                items++;
            }

            state = reader.CurrentState;
            kept = kept + read - (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, (int)reader.BytesConsumed, buffer, 0, kept);
            if (read == 0)
            {
                return items;
            }
        }
    }
}
