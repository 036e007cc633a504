namespace Census.Exchange.Imports;

/// <summary>
/// A problem of the whole file (not of one row): not a spreadsheet, an unknown or doubled column, too many
/// rows, a zip bomb. The gateway answers it with a 400 problem naming <see cref="Where"/>; nothing is written.
/// </summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message, string? where = null)
        : base(message) => Where = where;

    public ImportFileException()
    {
    }

    public ImportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportFileException(string message, string? where, Exception innerException)
        : base(message, innerException) => Where = where;

    /// <summary>Where in the file: a cell (<c>B7</c>), a column header, a line; null for the file as a whole.</summary>
    public string? Where { get; }
}
