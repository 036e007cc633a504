namespace Census.Contracts.SafeZones;

/// <summary>How a safe-zone write ended; every outcome but <see cref="Ok"/>, <see cref="Created"/> and <see cref="Replayed"/> changed nothing.</summary>
public enum SafeZoneOutcome
{
    Ok,
    Created,

    /// <summary>The same booking was already made (a retry): the stored one is answered.</summary>
    Replayed,

    /// <summary>No such site or booking.</summary>
    NotFound,

    /// <summary>The grant does not allow it (not the caller's, not a safe-zone grant, not live, a day outside it).</summary>
    Forbidden,

    /// <summary>The state does not allow it: full, closed, bookings on a day to close, checked in twice.</summary>
    Conflict,

    /// <summary>Well-formed but impossible: a day in the past, not an opening weekday, more seats than the site has.</summary>
    Unprocessable,
}
