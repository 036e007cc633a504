using System.ComponentModel.DataAnnotations;

namespace Census.Exchange.Catalog;

/// <summary>
/// Configuration <c>Census:Catalog</c>: where the exported catalogue's IRIs live and who publishes it.
/// The IRIs must stay stable once published, so they come from this setting and never from the request's
/// host. The default is the gateway's own default address, so a local run's IRIs resolve to itself.
/// </summary>
public sealed class CatalogOptions
{
    public const string Section = "Census:Catalog";

    /// <summary>Absolute http(s) URL every catalogue IRI is built under (no query, no fragment).</summary>
    [Required]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The census authority, publisher of the catalogue (Korean name).</summary>
    [Required]
    public string PublisherName { get; set; } = "과학기술정보통신부";

    /// <summary>The census authority's English name.</summary>
    public string? PublisherNameEn { get; set; } = "Ministry of Science and ICT";

    /// <summary>Whether <see cref="BaseUrl"/> is an absolute http(s) URL without query or fragment.</summary>
    public bool HasValidBaseUrl() =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
        string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
