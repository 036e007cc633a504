using System.Globalization;

namespace Census.Soak;

/// <summary>
/// Memory of the cluster's processes, read from /proc. Silos and gateways: resident set (VmRSS) of
/// the recorded pid. PostgreSQL: the sum over every process named "postgres" of its proportional set
/// size (Pss, smaps_rollup), which counts the shared buffers once instead of once per backend; when
/// Pss cannot be read (not root, not the owner) the sum of VmRSS, which overstates it.
/// </summary>
static class ProcessMemory
{
    public static List<(string Name, double MiB)> Sample(IReadOnlyList<(string Name, int Pid)> processes)
    {
        var sample = processes.Select(p => (p.Name, StatusKiB(p.Pid, "VmRSS:") / 1024.0)).ToList();
        sample.Add(("postgres", PostgresKiB() / 1024.0));
        return sample;
    }

    /// <summary>Peak resident set (VmHWM) of a process in MiB, NaN when it is gone.</summary>
    public static double PeakMiB(int pid) => StatusKiB(pid, "VmHWM:") / 1024.0;

    private static double StatusKiB(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    private static double PostgresKiB()
    {
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText($"{dir}/comm").Trim() != "postgres")
                {
                    continue;
                }

                var pss = File.ReadLines($"{dir}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                total += pss is null
                    ? StatusKiB(pid, "VmRSS:")
                    : double.Parse(pss[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between listing and reading: it holds no memory any more.
            }
            catch (UnauthorizedAccessException)
            {
                total += StatusKiB(pid, "VmRSS:") is var rss && !double.IsNaN(rss) ? rss : 0;
            }
        }

        return total;
    }
}
