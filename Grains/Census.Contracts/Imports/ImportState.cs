namespace Census.Contracts.Imports;

/// <summary>
/// An import's lifecycle (api.md "Bulk intake and exchange"): <c>validating</c> while its file is read and staged,
/// <c>running</c> while its rows are judged or written, then <c>completed</c>, <c>failed</c> or <c>canceled</c>.
/// </summary>
public enum ImportState { Validating, Running, Completed, Failed, Canceled }
