using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Institutions;

/// <summary>
/// The body of <c>POST /api/v1/institutions</c> as a client sends it. Every member is nullable so that a
/// missing field is reported by validation with its name instead of failing deserialization.
/// </summary>
public sealed record InstitutionRegistration
{
    /// <summary>The institution id: lower-case letters, digits and hyphens, 2–63 characters.</summary>
    [Required]
    public string? Id { get; init; }

    /// <summary>The institution's official name (1–200 characters).</summary>
    [Required]
    public string? Name { get; init; }

    /// <summary>The English name, if any (up to 200 characters).</summary>
    public string? NameEn { get; init; }

    /// <summary>The kind of public body.</summary>
    [Required]
    public InstitutionKind? Kind { get; init; }

    /// <summary>The sector the institution belongs to.</summary>
    [Required]
    public Sector? Sector { get; init; }

    /// <summary>The data officer's e-mail address, if any.</summary>
    public string? ContactEmail { get; init; }
}
