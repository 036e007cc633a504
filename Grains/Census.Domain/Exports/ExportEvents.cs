using System.Globalization;
using Census.Contracts.Exports;
using Census.Contracts.Ledger;
using Census.Contracts.Principals;

namespace Census.Domain.Exports;

/// <summary>
/// The ledger events of export requests, with the facts <see cref="LedgerEventKinds"/> lists for each kind. Their ids
/// name the event itself, so an append retried from an outbox lands once.
/// </summary>
public static class ExportEvents
{
    public const string ExportDownload = "export-download";

    /// <summary>The ledger an export's events go to: its grant's dataset, <c>{institutionId}/{datasetId}</c>.</summary>
    public static string LedgerKey(ExportRequest request) => $"{request.InstitutionId}/{request.DatasetId}";

    /// <summary><c>export-requested</c>; files are the paths, comma-separated (a path never holds a comma).</summary>
    public static LedgerEvent Requested(ExportRequest request) => new(
        $"{LedgerEventKinds.ExportRequested}:{request.Id}", LedgerEventKinds.ExportRequested, request.SubmittedAt, request.SubmittedBy,
        new Dictionary<string, string>
        {
            ["export"] = request.Id,
            ["requester"] = request.RequesterId,
            ["files"] = string.Join(",", request.Files.Select(f => f.Path)),
        });

    /// <summary><c>export-decided</c> for one checker's decision (a checker decides once, so the id is theirs).</summary>
    public static LedgerEvent Decided(ExportRequest request, ExportDecision decision) => new(
        $"{LedgerEventKinds.ExportDecided}:{request.Id}:{decision.Checker}", LedgerEventKinds.ExportDecided, decision.At, decision.Actor,
        new Dictionary<string, string>
        {
            ["export"] = request.Id,
            ["checker"] = decision.Checker,
            ["decision"] = decision.Decision == ExportVerdict.Approve ? "approved" : "rejected",
            ["reason"] = decision.Reason,
        });

    /// <summary><c>attempt-refused</c> of a download of an export's file; <paramref name="attempt"/> numbers the export's refusals.</summary>
    public static LedgerEvent DownloadRefused(ExportRequest request, PrincipalRef caller, string actor, string path, string reason, int attempt, DateTimeOffset at) => new(
        $"{LedgerEventKinds.AttemptRefused}:{ExportDownload}:{request.Id}:{attempt.ToString(CultureInfo.InvariantCulture)}",
        LedgerEventKinds.AttemptRefused, at, actor,
        new Dictionary<string, string>
        {
            ["requester"] = caller.Id,
            ["organisation"] = caller.Organisation,
            ["what"] = ExportDownload,
            ["reason"] = reason,
            ["export"] = request.Id,
            ["path"] = path,
        });
}
