namespace Census.Domain.Rounds;

/// <summary>
/// How much history a round or an assignment keeps. An agency may alternate edits and submissions
/// for weeks; every entry kept is rewritten with the grain's state on each change, so only the latest
/// entries stay and the older ones are counted.
/// </summary>
public static class AuditRetention
{
    public const int MaxEntries = 100;

    /// <summary>Appends <paramref name="entry"/>, dropping the oldest beyond <see cref="MaxEntries"/>; returns how many were dropped.</summary>
    public static int Append<T>(List<T> entries, T entry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        entries.Add(entry);
        var excess = entries.Count - MaxEntries;
        if (excess <= 0)
        {
            return 0;
        }

        entries.RemoveRange(0, excess);
        return excess;
    }
}
