using System.Text;
using System.Text.Json;
using Census.Domain.Provision;

namespace Census.Exchange.Evidence;

/// <summary>
/// A JSON document read one token at a time from a stream with <see cref="Utf8JsonReader"/>: only a buffer of the
/// bytes not yet consumed is held (it grows only for a single token longer than it), so a table of a million classes
/// is never one string or one DOM. The reader is a ref struct and cannot live across an await, so each token is read
/// by a fresh reader resumed from the saved <see cref="JsonReaderState"/>.
/// </summary>
internal sealed class JsonTokens
{
    private const int MaxTokenBytes = 1024 * 1024;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });

    public JsonTokens(Stream stream) => _stream = stream;

    public JsonTokenType Type { get; private set; }

    /// <summary>The text of the current string or property name, or the raw text of the current number.</summary>
    public string? Text { get; private set; }

    /// <summary>The current number as a whole number, or null when it is not one that fits in 64 bits.</summary>
    public long? Whole { get; private set; }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead())
            {
                return true;
            }

            if (_final)
            {
                return false;
            }

            await FillAsync(cancellationToken);
        }
    }

    /// <summary>The next token, which must exist (the document cannot end here).</summary>
    public async ValueTask NextAsync(CancellationToken cancellationToken)
    {
        if (!await ReadAsync(cancellationToken))
        {
            throw new EvidenceTableException("The JSON ends too early.", null, null);
        }
    }

    private bool TryRead()
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            Type = reader.TokenType;
            Text = Type switch
            {
                JsonTokenType.String or JsonTokenType.PropertyName => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
                _ => null,
            };
            Whole = Type == JsonTokenType.Number && reader.TryGetInt64(out var whole) ? whole : null;
        }
        catch (JsonException e)
        {
            throw new EvidenceTableException($"The JSON is malformed: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new EvidenceTableException($"The JSON is malformed: {e.Message}", e);
        }

        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            // One token fills the whole buffer: grow it, up to a limit no honest table reaches.
            if (_buffer.Length >= MaxTokenBytes)
            {
                throw new EvidenceTableException($"The JSON has a single value longer than {MaxTokenBytes} bytes.", null, null);
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
        }

        _start = 0;
        _end = pending;
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _final = read == 0;
    }
}
