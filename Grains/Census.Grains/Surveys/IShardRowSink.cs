namespace Census.Grains.Surveys;

/// <summary>
/// Receives a shard's rows as the index reads them, one call a row and no object per row: text arrives as UTF-8
/// spans that are valid only during the call, so a ranking's slice copies what it keeps straight into its columns.
/// </summary>
public interface IShardRowSink
{
    /// <param name="institutionId">The institution id, UTF-8.</param>
    /// <param name="datasetId">The dataset id, UTF-8.</param>
    /// <param name="sector">The sector's wire name, UTF-8.</param>
    /// <param name="modality">The modality's wire name, UTF-8.</param>
    /// <param name="eligible">Whether the record passes every gate.</param>
    /// <param name="revision">The row's revision (a run's groups are fingerprinted by it).</param>
    /// <param name="levels">The ten levels now followed by the ten levels post.</param>
    void Add(ReadOnlySpan<byte> institutionId, ReadOnlySpan<byte> datasetId, ReadOnlySpan<byte> sector, ReadOnlySpan<byte> modality,
        bool eligible, int revision, ReadOnlySpan<byte> levels);
}
