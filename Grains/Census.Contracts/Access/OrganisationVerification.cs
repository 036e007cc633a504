using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Access;

/// <summary>The body of <c>POST /api/v1/organisations/{id}/verification</c>: what the admin checked.</summary>
[GenerateSerializer, Immutable, Alias("census.OrganisationVerification")]
public sealed record OrganisationVerification
{
    /// <summary>What was checked (e.g. the registration certificate), 1–500 characters.</summary>
    [Id(0), Required] public string? Note { get; init; }
}
