namespace Census.Contracts.Ledger;

/// <summary>
/// The kinds of ledger event and the facts each one carries. Usage, settlement and demand are read from these facts,
/// so a producer writes every fact its kind lists here.
/// </summary>
public static class LedgerEventKinds
{
    /// <summary>Facts: request, requester, organisation, organisationKind, purpose, version, tier.</summary>
    public const string RequestSubmitted = "request-submitted";

    /// <summary>Facts: request, decision (approved|rejected|changes-requested|withdrawn), by (agency|reviewer|requester|admin), reason.</summary>
    public const string RequestDecided = "request-decided";

    /// <summary>Facts: requester, organisation, agreementVersion, textSha256, tier.</summary>
    public const string AgreementAccepted = "agreement-accepted";

    /// <summary>Facts: grant, requester, organisation, organisationKind, kind (download|safe-zone), version, from, until.</summary>
    public const string GrantIssued = "grant-issued";

    /// <summary>Facts: grant, until.</summary>
    public const string GrantExpired = "grant-expired";

    /// <summary>Facts: grant, reason.</summary>
    public const string GrantRevoked = "grant-revoked";

    /// <summary>Facts: grant, requester, organisation, version, path, download.</summary>
    public const string DownloadStarted = "download-started";

    /// <summary>Facts: grant, requester, organisation, organisationKind, version, path, bytes, download.</summary>
    public const string DownloadCompleted = "download-completed";

    /// <summary>A refused attempt. Facts: requester, organisation, what (download|booking|export-download), reason.</summary>
    public const string AttemptRefused = "attempt-refused";

    /// <summary>Facts: booking, grant, site, requester, seats, days (comma-separated yyyy-MM-dd).</summary>
    public const string BookingMade = "booking-made";

    /// <summary>Facts: booking, site, reason.</summary>
    public const string BookingCancelled = "booking-cancelled";

    /// <summary>Facts: booking, site, day.</summary>
    public const string CheckedIn = "checked-in";

    /// <summary>Facts: booking, site, day.</summary>
    public const string CheckedOut = "checked-out";

    /// <summary>Facts: export, requester, files.</summary>
    public const string ExportRequested = "export-requested";

    /// <summary>Facts: export, checker, decision (approved|rejected), reason.</summary>
    public const string ExportDecided = "export-decided";

    /// <summary>Facts: version, pricing (free|per-download|flat), priceKrw, agreementVersion.</summary>
    public const string OfferSet = "offer-set";

    /// <summary>Facts: transaction, grant, requester, organisation, organisationKind, version, pricing, priceKrw, quantity, totalKrw.</summary>
    public const string Transaction = "transaction";
}
