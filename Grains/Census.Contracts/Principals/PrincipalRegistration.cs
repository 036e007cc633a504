using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Principals;

/// <summary>The body of <c>POST /api/v1/principals</c> (admin).</summary>
[GenerateSerializer, Immutable, Alias("census.PrincipalRegistration")]
public sealed record PrincipalRegistration
{
    /// <summary>The principal's id, like an institution id.</summary>
    [Id(0), Required] public string? Id { get; init; }

    /// <summary>The person's name, 1–200 characters.</summary>
    [Id(1), Required] public string? Name { get; init; }

    [Id(2), Required] public PrincipalRole? Role { get; init; }

    /// <summary>
    /// The organisation the person belongs to: a registered institution's id, or another organisation's id in the same
    /// form. A reviewer is never assigned to a case of their own organisation.
    /// </summary>
    [Id(3), Required] public string? Organisation { get; init; }

    [Id(4)] public string? ContactEmail { get; init; }
}
