using Census.Contracts.Exports;

namespace Census.Domain.Tests.Exports;

/// <summary>Builders of export files and requests for the rule tests.</summary>
public static class Exports
{
    public static readonly string Hash = new('a', 64);

    public static ExportCell Count(string key, long count) => new(key, count, null, null, null);

    public static ExportCell Magnitude(string key, decimal largest, decimal second, decimal total, long count = 20) => new(key, count, largest, second, total);

    public static ExportFile Table(params ExportCell[] cells) => new("tables/t1.csv", ExportFileType.Table, Hash, 100, cells);

    public static ExportFile Other(ExportFileType type, string path = "out/file.bin") => new(path, type, Hash, 100, []);

    public static ExportRequest Request(CheckOutcome checks = CheckOutcome.Pass) => new(
        "exp1", "grant-1", "inst-a", "ds-1", "req-1", "org-r", [Table(Count("a", 12))], null,
        new ExportChecks(checks, []), ExportStatus.Submitted, [], DateTimeOffset.UnixEpoch, "requester:req-1/k1", null);
}
