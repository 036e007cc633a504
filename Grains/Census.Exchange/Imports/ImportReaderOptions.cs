namespace Census.Exchange.Imports;

/// <summary>
/// The limits a reader enforces (intake-exchange.md). The defaults are the contract; tests lower them to
/// exercise a limit without building hundreds of megabytes.
/// </summary>
public sealed record ImportReaderOptions
{
    public static ImportReaderOptions Default { get; } = new();

    /// <summary>Data rows (the header not counted); one more is a problem of the file.</summary>
    public int MaxRows { get; init; } = ImportReader.MaxRows;

    /// <summary>The most an xlsx may unpack to, summed over its zip entries (zip bombs).</summary>
    public long MaxUnpackedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>The most characters a cell may hold: a spreadsheet program's own limit.</summary>
    public int MaxCellLength { get; init; } = 32_767;
}
