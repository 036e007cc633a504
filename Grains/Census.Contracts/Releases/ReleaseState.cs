namespace Census.Contracts.Releases;

/// <summary>A release is a draft while its files are gathered; once published it never changes.</summary>
public enum ReleaseState { Draft, Published }
