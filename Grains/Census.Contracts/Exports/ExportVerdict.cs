namespace Census.Contracts.Exports;

/// <summary>An output checker's decision on an export request.</summary>
public enum ExportVerdict { Approve, Reject }
