namespace Census.Exchange.Imports;

/// <summary>The kinds of file an import reads (intake-exchange.md).</summary>
public enum ImportFormat
{
    Xlsx,
    Csv,
    Ndjson,
}
