namespace Census.Contracts.Rounds;

/// <summary>A census round's lifecycle: draft → open → closed → finalized.</summary>
public enum RoundState { Draft, Open, Closed, Finalized }
