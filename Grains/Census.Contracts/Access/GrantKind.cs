namespace Census.Contracts.Access;

/// <summary>What a grant allows: downloads of the release's files, or bookings in a safe zone.</summary>
public enum GrantKind { Download, SafeZone }
