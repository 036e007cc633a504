namespace Census.Exchange.Harvest.Rdf;

/// <summary>A document that is not well-formed Turtle or JSON-LD, with where the reader stopped (1-based; 0 when unknown).</summary>
public sealed class RdfSyntaxException : Exception
{
    public RdfSyntaxException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public RdfSyntaxException()
    {
    }

    public RdfSyntaxException(string message)
        : base(message)
    {
    }

    public RdfSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>"line 12, column 5", or null when the position is not known.</summary>
    public string? Where => Line > 0 ? $"line {Line}, column {Column}" : null;
}
