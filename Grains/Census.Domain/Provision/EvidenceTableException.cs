namespace Census.Domain.Provision;

/// <summary>
/// An equivalence-class table that cannot be evaluated: a malformed header, a bad cell, a class whose counts do not
/// add up, a duplicate class. <see cref="Row"/> is the 1-based data row (the header not counted; in JSON the class's
/// position in <c>classes</c>), null for a problem of the whole table; <see cref="Column"/> names the column as the
/// CSV header spells it (<c>count</c>, <c>qi:age</c>, <c>sa:diagnosis=flu</c>, or <c>sa:diagnosis</c> for a whole
/// attribute) in every format, null when no one column is at fault.
/// </summary>
public sealed class EvidenceTableException : Exception
{
    public EvidenceTableException(string message, long? row, string? column)
        : base(message)
    {
        Row = row;
        Column = column;
    }

    public EvidenceTableException()
    {
    }

    public EvidenceTableException(string message)
        : base(message)
    {
    }

    public EvidenceTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long? Row { get; }

    public string? Column { get; }
}
