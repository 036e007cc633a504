using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>Kinds of identifier an unstructured dataset is checked for.</summary>
public enum IdentifierType
{
    Faces, LicencePlates, Voices, Names, ResidentNumbers, PhoneNumbers, Addresses, EmailAddresses, AccountNumbers, Other,
}

/// <summary>
/// One identifier type's de-identification check: the tool that removed it, and a manual check of a random sample of
/// <see cref="SampleSize"/> items in which <see cref="Misses"/> were found still identifying.
/// </summary>
[GenerateSerializer, Immutable, Alias("census.IdentifierCheck")]
public sealed record IdentifierCheck
{
    [Id(0), Required] public IdentifierType? IdentifierType { get; init; }

    /// <summary>The tool and version used, 1–200 characters.</summary>
    [Id(1), Required] public string? Tool { get; init; }

    /// <summary>n: items checked by hand, ≥ 1.</summary>
    [Id(2), Required] public int? SampleSize { get; init; }

    /// <summary>m: identifiers the tool missed in the sample, 0..n.</summary>
    [Id(3), Required] public int? Misses { get; init; }
}

/// <summary>A judged identifier check: the upper 95% Wilson bound of the miss rate and the verdict.</summary>
[GenerateSerializer, Immutable, Alias("census.IdentifierCheckResult")]
public sealed record IdentifierCheckResult(
    [property: Id(0)] IdentifierType IdentifierType,
    [property: Id(1)] string Tool,
    [property: Id(2)] int SampleSize,
    [property: Id(3)] int Misses,
    [property: Id(4)] decimal MissRateUpperBound,
    [property: Id(5)] bool Passed,
    [property: Id(6)] string Reason);
