using System.ComponentModel.DataAnnotations;
using Census.Contracts.Institutions;

namespace Census.Contracts.Rounds;

/// <summary>How a ranking run selects: up to <see cref="Quota"/> records under per-institution and per-sector bounds.</summary>
[GenerateSerializer, Immutable, Alias("census.SelectionPolicy")]
public sealed record SelectionPolicy
{
    [Id(0), Required] public int? Quota { get; init; }

    /// <summary>At most this many records from one institution; absent means no limit.</summary>
    [Id(1)] public int? MaxPerInstitution { get; init; }

    [Id(2)] public IReadOnlyDictionary<Sector, int>? SectorMin { get; init; }

    [Id(3)] public IReadOnlyDictionary<Sector, int>? SectorMax { get; init; }
}
