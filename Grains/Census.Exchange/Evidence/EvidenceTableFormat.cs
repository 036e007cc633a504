namespace Census.Exchange.Evidence;

/// <summary>The file formats an equivalence-class table is read from (see <see cref="EvidenceTables"/>).</summary>
public enum EvidenceTableFormat
{
    Csv,
    Xlsx,
    Json,
}
