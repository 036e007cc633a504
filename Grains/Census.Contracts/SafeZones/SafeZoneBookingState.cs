namespace Census.Contracts.SafeZones;

/// <summary>A booking holds its seats while <see cref="Booked"/>; a cancelled one has freed them.</summary>
public enum SafeZoneBookingState { Booked, Cancelled }
