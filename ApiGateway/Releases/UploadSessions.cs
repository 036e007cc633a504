using System.Text.Json;
using Census.Domain.Releases;

namespace Census.ApiGateway.Releases;

/// <summary>
/// Resumable uploads into the <see cref="ContentStore"/>: each session is a small JSON file and a partial file beside
/// it under the store's uploads directory, named by a random id. The partial file's length is how much has arrived;
/// a chunk is appended under an exclusive lock of that file, so two gateways never write one upload at once. With the
/// last byte the whole content is hashed; a match becomes the blob, a mismatch empties the partial file.
/// </summary>
public sealed class UploadSessions(ContentStore store, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>An upload id: 32 lower-case hex digits.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>A new session, or one already complete when the store has the blob.</summary>
    public async Task<Upload> BeginAsync(string sha256, long bytes, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var complete = store.Length(sha256) is not null;
        Directory.CreateDirectory(store.UploadsDirectory);
        if (!complete)
        {
            await File.WriteAllBytesAsync(PartialPath(id), [], cancellationToken);
        }

        await WriteSessionAsync(id, new UploadSession(sha256, bytes, clock.GetUtcNow(), complete), cancellationToken);
        return new Upload(id, sha256, bytes, complete ? bytes : 0, complete);
    }

    public async Task<Upload?> GetAsync(string id, CancellationToken cancellationToken) =>
        await ReadSessionAsync(id, cancellationToken) is { } session ? Describe(id, session) : null;

    /// <summary>Appends <paramref name="length"/> bytes of <paramref name="body"/> at <paramref name="offset"/>.</summary>
    public async Task<(UploadOutcome Outcome, Upload? Upload)> AppendAsync(
        string id, long offset, long length, Stream body, CancellationToken cancellationToken)
    {
        if (await ReadSessionAsync(id, cancellationToken) is not { } session)
        {
            return (UploadOutcome.NotFound, null);
        }

        if (session.Complete && offset + length == session.Bytes)
        {
            // The last chunk again, its answer lost on the way: the blob is stored, and that is the answer.
            return (UploadOutcome.Appended, Describe(id, session));
        }

        if (session.Complete || offset + length > session.Bytes)
        {
            return (UploadOutcome.WrongOffset, Describe(id, session));
        }

        FileStream partial;
        try
        {
            partial = new FileStream(PartialPath(id), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (IOException)
        {
            // Another chunk of this upload is being written (or the upload just completed): the caller reads where it stands.
            return (UploadOutcome.WrongOffset, await GetAsync(id, cancellationToken));
        }

        await using (partial)
        {
            if (partial.Length != offset)
            {
                return (UploadOutcome.WrongOffset, Describe(id, session, partial.Length));
            }

            if (!await AppendExactlyAsync(partial, body, length, cancellationToken))
            {
                partial.SetLength(offset);
                return (UploadOutcome.WrongLength, Describe(id, session, offset));
            }

            if (partial.Length < session.Bytes)
            {
                return (UploadOutcome.Appended, Describe(id, session, partial.Length));
            }
        }

        // The last byte arrived; the lock is released, and the hash decides. A second gateway reaching here for the same
        // upload finds no partial file to adopt (it was renamed) or the blob already there: both end complete.
        if (!await store.AdoptAsync(PartialPath(id), session.Sha256, cancellationToken))
        {
            await File.WriteAllBytesAsync(PartialPath(id), [], cancellationToken);
            return (UploadOutcome.HashMismatch, Describe(id, session, 0));
        }

        var done = session with { Complete = true };
        await WriteSessionAsync(id, done, cancellationToken);
        return (UploadOutcome.Appended, Describe(id, done));
    }

    /// <summary>Copies exactly <paramref name="length"/> bytes; false when the body has fewer or more.</summary>
    private static async Task<bool> AppendExactlyAsync(FileStream partial, Stream body, long length, CancellationToken cancellationToken)
    {
        partial.Seek(0, SeekOrigin.End);
        var buffer = new byte[1 << 16];
        var left = length;
        while (left > 0)
        {
            var read = await body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            await partial.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }

        await partial.FlushAsync(cancellationToken);
        return await body.ReadAsync(buffer.AsMemory(0, 1), cancellationToken) == 0;
    }

    private Upload Describe(string id, UploadSession session, long? received = null) =>
        new(id, session.Sha256, session.Bytes, session.Complete ? session.Bytes : received ?? PartialLength(id), session.Complete);

    private long PartialLength(string id)
    {
        var file = new FileInfo(PartialPath(id));
        return file.Exists ? file.Length : 0;
    }

    private async Task<UploadSession?> ReadSessionAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || !File.Exists(SessionPath(id)))
        {
            return null;
        }

        await using var file = File.OpenRead(SessionPath(id));
        var session = await JsonSerializer.DeserializeAsync<UploadSession>(file, Json, cancellationToken);
        return session is { Bytes: > 0 and <= ContentHashes.MaxBytes } && ContentHashes.IsSha256(session.Sha256) ? session : null;
    }

    /// <summary>Written under a temporary name and renamed, so a reader never sees half a session.</summary>
    private async Task WriteSessionAsync(string id, UploadSession session, CancellationToken cancellationToken)
    {
        var temporary = SessionPath(id) + $".{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(session, Json), cancellationToken);
        File.Move(temporary, SessionPath(id), overwrite: true);
    }

    private string SessionPath(string id) => Path.Combine(store.UploadsDirectory, id + ".json");

    private string PartialPath(string id) => Path.Combine(store.UploadsDirectory, id + ".partial");
}
