using System.Runtime.CompilerServices;

namespace Census.Grains.Rankings;

/// <summary>
/// One column of a slice while it loads, in chunks that stay below the large object heap's threshold (85,000 bytes):
/// the growth of a load whose size is unknown until its end is short-lived garbage of the youngest generation, and
/// the column ends as one array of exactly its length.
/// </summary>
internal sealed class ColumnBuilder<T>
    where T : unmanaged
{
    private static readonly int ChunkLength = 64 * 1024 / Unsafe.SizeOf<T>();
    private readonly List<T[]> _full = [];
    private T[] _current = new T[Math.Min(ChunkLength, 256)];
    private int _used;

    public int Count => (_full.Count * ChunkLength) + _used;

    public void Add(T value)
    {
        if (_used == _current.Length)
        {
            MakeRoom();
        }

        _current[_used++] = value;
    }

    public void Add(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            if (_used == _current.Length)
            {
                MakeRoom();
            }

            var taken = Math.Min(values.Length, _current.Length - _used);
            values[..taken].CopyTo(_current.AsSpan(_used));
            _used += taken;
            values = values[taken..];
        }
    }

    public T[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<T>(Count);
        var offset = 0;
        foreach (var chunk in _full)
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }

        _current.AsSpan(0, _used).CopyTo(result.AsSpan(offset));
        return result;
    }

    private void MakeRoom()
    {
        if (_current.Length < ChunkLength)
        {
            // A small shard's first chunk grows by doubling, so a slice of a few rows stays a few bytes.
            Array.Resize(ref _current, Math.Min(ChunkLength, _current.Length * 2));
            return;
        }

        _full.Add(_current);
        _current = new T[ChunkLength];
        _used = 0;
    }
}
