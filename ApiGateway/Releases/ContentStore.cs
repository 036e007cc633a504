using System.Security.Cryptography;

namespace Census.ApiGateway.Releases;

/// <summary>
/// The content-addressed store of released files (provision.md §1): a blob is the file at
/// <c>{root}/sha256/ab/cd/&lt;64 hex digits&gt;</c>, named by its own SHA-256. A blob arrives only whole and verified, by
/// an atomic rename of a file on the same volume, and a blob that exists is never rewritten: whatever a manifest names
/// stays what it named. Grains never hold files; they hold the hashes that name them.
/// </summary>
public sealed class ContentStore(string root)
{
    public string Root { get; } = root;

    /// <summary>Where upload sessions keep their partial files, on the same volume as the blobs so that adopting one is a rename.</summary>
    public string UploadsDirectory => Path.Combine(Root, "uploads");

    public string BlobPath(string sha256) => Path.Combine(Root, "sha256", sha256[..2], sha256[2..4], sha256);

    /// <summary>The blob's size, or null when the store has no blob of that hash.</summary>
    public long? Length(string sha256)
    {
        var file = new FileInfo(BlobPath(sha256));
        return file.Exists ? file.Length : null;
    }

    public Stream OpenRead(string sha256) => new FileStream(
        BlobPath(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Makes <paramref name="file"/> the blob of <paramref name="sha256"/> if its content hashes to it: renamed into the
    /// blob's directory (first under a temporary name, then atomically to the blob's), or deleted when the blob is
    /// already there. False, and the file left where it was, when the content has another hash.
    /// </summary>
    public async Task<bool> AdoptAsync(string file, string sha256, CancellationToken cancellationToken)
    {
        await using (var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            if (await HashAsync(content, cancellationToken) != sha256)
            {
                return false;
            }
        }

        var target = BlobPath(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{sha256}.{Guid.NewGuid():N}.tmp");
        File.Move(file, temporary);
        try
        {
            File.Move(temporary, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Another upload of the same content got there first: the same bytes, so the blob stays as it is.
            File.Delete(temporary);
        }

        return true;
    }

    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
}
