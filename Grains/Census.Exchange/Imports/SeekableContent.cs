namespace Census.Exchange.Imports;

/// <summary>
/// The body of an import as a stream a reader can rewind: the body itself when it can seek, else a copy in a
/// temporary file deleted when this is disposed — never the whole upload in memory. While the bytes pass, an
/// optional inspector sees each chunk (the CSV reader checks UTF-8 on the way).
/// </summary>
internal sealed class SeekableContent : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly bool _owned;

    private SeekableContent(Stream stream, bool owned)
    {
        Stream = stream;
        _owned = owned;
    }

    public Stream Stream { get; }

    public static async Task<SeekableContent> OpenAsync(
        Stream content, Action<ReadOnlySpan<byte>>? inspect, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var start = content.Position;
            if (inspect is not null)
            {
                await PumpAsync(content, null, inspect, cancellationToken);
                content.Position = start;
            }

            return new SeekableContent(content, owned: false);
        }

        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "census-import-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ChunkSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await PumpAsync(content, file, inspect, cancellationToken);
            file.Position = 0;
            return new SeekableContent(file, owned: true);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task PumpAsync(Stream from, Stream? to, Action<ReadOnlySpan<byte>>? inspect, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
        {
            inspect?.Invoke(chunk.AsSpan(0, read));
            if (to is not null)
            {
                await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Stream.DisposeAsync();
        }
    }
}
