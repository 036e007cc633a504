using Census.Contracts.Ledger;

namespace Census.Grains.Tests.Ledger;

/// <summary>Ledger events as producers write them.</summary>
internal static class LedgerEvents
{
    public static readonly DateTimeOffset March = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static LedgerEvent GrantIssued(string grantId, DateTimeOffset? at = null) => new(
        $"grant-issued:{grantId}", LedgerEventKinds.GrantIssued, at ?? March, "agency:test",
        new Dictionary<string, string>
        {
            ["grant"] = grantId, ["requester"] = "req-1", ["organisation"] = "org-1", ["organisationKind"] = "university",
            ["kind"] = "download", ["version"] = "1.0", ["from"] = "2026-03-01", ["until"] = "2026-12-31",
        });

    public static LedgerEvent Downloaded(string downloadId, string requester, string organisation, string kind, long bytes, DateTimeOffset at) => new(
        $"download-completed:{downloadId}", LedgerEventKinds.DownloadCompleted, at, requester,
        new Dictionary<string, string>
        {
            ["grant"] = "g-1", ["requester"] = requester, ["organisation"] = organisation, ["organisationKind"] = kind,
            ["version"] = "1.0", ["path"] = "data.csv", ["bytes"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["download"] = downloadId,
        });

    public static LedgerEvent Transaction(string transactionId, long price, long quantity, DateTimeOffset at) => new(
        $"transaction:{transactionId}", LedgerEventKinds.Transaction, at, "req-1",
        new Dictionary<string, string>
        {
            ["transaction"] = transactionId, ["grant"] = "g-1", ["requester"] = "req-1", ["organisation"] = "org-1",
            ["organisationKind"] = "company", ["version"] = "1.0", ["pricing"] = "per-download",
            ["priceKrw"] = price.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["totalKrw"] = (price * quantity).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public static LedgerEvent Requested(string requestId, DateTimeOffset at) => new(
        $"request-submitted:{requestId}", LedgerEventKinds.RequestSubmitted, at, "req-1",
        new Dictionary<string, string>
        {
            ["request"] = requestId, ["requester"] = "req-1", ["organisation"] = "org-1", ["organisationKind"] = "company",
            ["purpose"] = "research", ["version"] = "1.0", ["tier"] = "restricted",
        });
}
