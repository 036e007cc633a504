using System.ComponentModel.DataAnnotations;

namespace Census.ApiGateway.Releases;

/// <summary>The body that begins an upload: the SHA-256 the whole content must hash to, and its size.</summary>
public sealed record NewUpload
{
    /// <summary>64 lower-case hex digits.</summary>
    [Required] public string? Sha256 { get; init; }

    /// <summary>1 byte to 64 GiB.</summary>
    [Required] public long? Bytes { get; init; }
}
