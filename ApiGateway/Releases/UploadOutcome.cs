namespace Census.ApiGateway.Releases;

/// <summary>How a chunk of an upload ended.</summary>
public enum UploadOutcome
{
    /// <summary>Appended (and, with the last byte, verified and stored).</summary>
    Appended,

    NotFound,

    /// <summary>The chunk does not start where the upload stands, or another chunk is being written: resume from Received.</summary>
    WrongOffset,

    /// <summary>The body's length is not the Content-Range's; nothing was kept of it.</summary>
    WrongLength,

    /// <summary>The whole content does not hash to the declared SHA-256: the partial content is discarded.</summary>
    HashMismatch,
}
