namespace Census.Exchange.Evidence;

/// <summary>
/// A table's classes, read one at a time into reused buffers: after <see cref="NextAsync"/> returns true,
/// <see cref="Row"/>, <see cref="Qi"/>, <see cref="Count"/> and <see cref="Sensitive"/> describe the current class
/// until the next call. Cell syntax (whole numbers, empty cells) is checked here; what the numbers must satisfy is the
/// accumulator's to check, once for every format.
/// </summary>
internal abstract class EvidenceRows : IDisposable
{
    protected EvidenceRows(EvidenceHeader header)
    {
        Header = header;
        Qi = new string[header.QuasiIdentifiers.Count];
        Sensitive = new long[header.ValueCount];
    }

    public EvidenceHeader Header { get; }

    /// <summary>The 1-based data row (the header not counted; blank rows skipped), or the class's position in JSON.</summary>
    public long Row { get; protected set; }

    public string[] Qi { get; }

    public long Count { get; protected set; }

    public long[] Sensitive { get; }

    public abstract ValueTask<bool> NextAsync(CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
