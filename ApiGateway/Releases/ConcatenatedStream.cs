namespace Census.ApiGateway.Releases;

/// <summary>
/// A read-only, seekable stream over files one after another: a release file stored in parts, read as the one file it
/// is. Each part is opened when the position reaches it, so a Range request near the end opens only the last parts.
/// </summary>
public sealed class ConcatenatedStream(IReadOnlyList<(long Length, Func<Stream> Open)> parts) : Stream
{
    private readonly long[] _starts = Starts(parts);
    private long _position;
    private int _current = -1;
    private Stream? _open;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _starts[^1];

    /// <summary>How many bytes were read through this stream: what a download sent, give or take the last buffer.</summary>
    public long BytesRead { get; private set; }

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Locate() is not { } part)
        {
            return 0;
        }

        var read = part.Read(buffer[..(int)Math.Min(buffer.Length, _starts[_current + 1] - _position)]);
        _position += read;
        BytesRead += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Locate() is not { } part)
        {
            return 0;
        }

        var read = await part.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _starts[_current + 1] - _position)], cancellationToken);
        _position += read;
        BytesRead += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The part under the position, opened and positioned; null at or past the end.</summary>
    private Stream? Locate()
    {
        if (_position >= Length)
        {
            return null;
        }

        var index = Array.BinarySearch(_starts, _position);
        index = index >= 0 ? index : ~index - 1;
        // Parts of no bytes share a start with the next part: read from the last part that starts here.
        while (index + 1 < parts.Count && _starts[index + 1] <= _position)
        {
            index++;
        }

        if (index != _current)
        {
            _open?.Dispose();
            _open = parts[index].Open();
            _current = index;
        }

        var within = _position - _starts[index];
        if (_open!.Position != within)
        {
            _open.Position = within;
        }

        return _open;
    }

    private static long[] Starts(IReadOnlyList<(long Length, Func<Stream> Open)> parts)
    {
        var starts = new long[parts.Count + 1];
        for (var i = 0; i < parts.Count; i++)
        {
            starts[i + 1] = starts[i] + parts[i].Length;
        }

        return starts;
    }
}
