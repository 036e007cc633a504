using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/organisations</c> (admin).</summary>
[GenerateSerializer, Immutable, Alias("census.OrganisationRegistration")]
public sealed record OrganisationRegistration
{
    /// <summary>The organisation's id, like an institution id.</summary>
    [Id(0), Required] public string? Id { get; init; }

    /// <summary>Its name, 1–200 characters.</summary>
    [Id(1), Required] public string? Name { get; init; }

    [Id(2), Required] public OrganisationKind? Kind { get; init; }

    /// <summary>A business or institution registration number, up to 50 characters.</summary>
    [Id(3)] public string? RegistrationNumber { get; init; }
}
