namespace Census.Contracts.Access;

/// <summary>How a release is offered: free, a fee per download, or one flat fee per grant (KRW).</summary>
public enum Pricing { Free, PerDownload, Flat }
