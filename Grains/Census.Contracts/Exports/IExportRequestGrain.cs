using Orleans.Concurrency;

namespace Census.Contracts.Exports;

/// <summary>
/// One export request (key: the export id). Its state is durable before anything is told to the dataset's ledger or
/// to the lists; what is still owed to them is kept and retried on the next call, activation or timer tick.
/// </summary>
[Alias("census.IExportRequestGrain")]
public interface IExportRequestGrain : IGrainWithStringKey
{
    /// <summary>Stores the request (its id must be this grain's key); a request already stored is answered as it stands.</summary>
    [Alias("Submit")]
    Task<ExportRequest> Submit(ExportRequest request);

    [Alias("Get"), ReadOnly]
    Task<ExportRequest?> Get();

    [Alias("Decide")]
    Task<ExportDecisionResult> Decide(CheckerDecision decision);

    /// <summary>Records a refused download of one of its files on the dataset's ledger (<c>attempt-refused</c>).</summary>
    [Alias("RefuseDownload")]
    Task RefuseDownload(Census.Contracts.Principals.PrincipalRef caller, string path, string reason, string actor);
}
