using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Census.Exchange.Imports;

/// <summary>
/// Checks that bytes fed in chunks are UTF-8, without holding them: a sequence cut at a chunk's end is carried
/// into the next one. <see cref="InvalidAt"/> is the offset of the first bad byte, or -1.
/// </summary>
internal sealed class Utf8Check
{
    private readonly byte[] _carry = new byte[4];
    private readonly char[] _scratch = new char[16 * 1024];
    private int _carried;
    private long _offset;

    public long InvalidAt { get; private set; } = -1;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        if (InvalidAt >= 0)
        {
            return;
        }

        if (_carried > 0)
        {
            // Complete the carried sequence with the first bytes of this chunk, then go on from there.
            var take = Math.Min(4 - _carried, chunk.Length);
            Span<byte> joined = stackalloc byte[8];
            _carry.AsSpan(0, _carried).CopyTo(joined);
            chunk[..take].CopyTo(joined[_carried..]);
            var status = Utf8.ToUtf16(joined[..(_carried + take)], _scratch, out var used, out _, replaceInvalidSequences: false, isFinalBlock: false);
            if (status == OperationStatus.InvalidData)
            {
                InvalidAt = _offset - _carried + used;
                return;
            }

            var consumedFromChunk = used - _carried;
            if (consumedFromChunk < 0)
            {
                // Still incomplete: the chunk was shorter than the rest of the sequence.
                chunk[..take].CopyTo(_carry.AsSpan(_carried));
                _carried += take;
                _offset += take;
                return;
            }

            _carried = 0;
            _offset += consumedFromChunk;
            chunk = chunk[consumedFromChunk..];
        }

        while (!chunk.IsEmpty)
        {
            var status = Utf8.ToUtf16(chunk, _scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: false);
            _offset += read;
            chunk = chunk[read..];
            switch (status)
            {
                case OperationStatus.InvalidData:
                    InvalidAt = _offset;
                    return;
                case OperationStatus.NeedMoreData:
                    chunk.CopyTo(_carry);
                    _carried = chunk.Length;
                    _offset += chunk.Length;
                    return;
            }
        }
    }

    /// <summary>The end of the bytes: a sequence still open there is invalid.</summary>
    public void Finish()
    {
        if (InvalidAt < 0 && _carried > 0)
        {
            InvalidAt = _offset - _carried;
        }
    }

    /// <summary>Strict UTF-8: a bad byte throws rather than becoming U+FFFD.</summary>
    public static Encoding Strict { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
