namespace Census.Contracts.Catalogue;

/// <summary>How an offer is priced; on the wire <c>free</c>, <c>per-download</c>, <c>flat</c>.</summary>
public enum CataloguePricing { Free, PerDownload, Flat }
