using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Imports;

/// <summary>
/// An import as the API returns it (api.md "Bulk intake and exchange"). Counts are rows: <see cref="Rows"/> read,
/// <see cref="Valid"/> and <see cref="Invalid"/> among them; of the valid ones, what the run did (or, in a dry run,
/// would do): <see cref="Created"/>, <see cref="Updated"/>, <see cref="Unchanged"/> (equal to the current revision,
/// no new one) and <see cref="Withdrawn"/>. <see cref="ErrorsSample"/> holds the first errors; <c>…/errors</c> has all.
/// <see cref="Reason"/> says why a run failed or wrote nothing (an atomic import with invalid rows).
/// </summary>
[GenerateSerializer, Immutable, Alias("census.Import")]
public sealed record Import(
    [property: Id(0), Required] string ImportId,
    [property: Id(1), Required] ImportState State,
    [property: Id(2), Required] bool DryRun,
    [property: Id(3), Required] bool Atomic,
    [property: Id(4), Required] ImportFileFormat Format,
    [property: Id(5), Required] int Rows,
    [property: Id(6), Required] int Valid,
    [property: Id(7), Required] int Invalid,
    [property: Id(8), Required] int Created,
    [property: Id(9), Required] int Updated,
    [property: Id(10), Required] int Unchanged,
    [property: Id(11), Required] int Withdrawn,
    [property: Id(12), Required] double Progress,
    [property: Id(13), Required] DateTimeOffset StartedAt,
    [property: Id(14)] DateTimeOffset? CompletedAt,
    [property: Id(15), Required] IReadOnlyList<ImportError> ErrorsSample,
    [property: Id(16)] string? Reason = null);
