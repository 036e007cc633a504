using Census.Domain.Selection;
using FsCheck;
using FsCheck.Fluent;

namespace Census.Domain.Tests.Selection;

/// <summary>
/// Small selection problems, small enough to enumerate every subset: few institutions, few sectors, scores from a
/// narrow range so ties are common, and bounds that are often tight, sometimes contradictory.
/// </summary>
public static class SelectionArbitraries
{
    private static readonly Sector[] Sectors = [Sector.Law, Sector.Finance, Sector.Education];
    private static readonly string[] Institutions = ["a", "b", "c"];

    public static Arbitrary<SelectionInstance> Instances() =>
        Gen.OneOf(InstanceGen(maxCandidates: 10, Institutions), Tight()).ToArbitrary();

    /// <summary>Up to 14 candidates over four institutions: fewer runs, deeper instances.</summary>
    public static Gen<SelectionInstance> Larger() => InstanceGen(maxCandidates: 14, [.. Institutions, "d"]);

    private static Gen<SelectionInstance> InstanceGen(int maxCandidates, string[] institutions) =>
        from count in Gen.Choose(0, maxCandidates)
        from rows in Gen.ArrayOf(CandidateRow(institutions), count)
        from quota in Gen.Frequency((1, Gen.Choose(0, 2)), (3, Gen.Choose(3, 8)))
        from maxPerInstitution in Gen.Frequency(
            (1, Gen.Constant((int?)null)), (1, Gen.Constant((int?)0)), (6, Gen.Choose(1, 3).Select(m => (int?)m)))
        from min in Bounds(0, 2, absent: 3)
        from max in Bounds(0, 2, absent: 1)
        select new SelectionInstance(
            rows.Select((r, i) => new Candidate(r.Institution, "d" + i, r.Sector, r.Post, r.Now)).ToArray(),
            new SelectionConstraints(quota, maxPerInstitution, min, max));

    // Where greedy goes wrong: every sector capped, one or two per institution, room in the quota.
    private static Gen<SelectionInstance> Tight() =>
        from count in Gen.Choose(4, 10)
        from rows in Gen.ArrayOf(CandidateRow(Institutions), count)
        from quota in Gen.Choose(3, 6)
        from maxPerInstitution in Gen.Choose(1, 2)
        from min in Bounds(0, 1, absent: 4)
        from max in Gen.ArrayOf(Gen.Choose(1, 2), Sectors.Length)
        select new SelectionInstance(
            rows.Select((r, i) => new Candidate(r.Institution, "d" + i, r.Sector, r.Post, r.Now)).ToArray(),
            new SelectionConstraints(quota, maxPerInstitution, min, Sectors.Zip(max).ToDictionary(p => p.First, p => p.Second)));

    private static Gen<(string Institution, Sector Sector, int Post, int Now)> CandidateRow(string[] institutions) =>
        from institution in Gen.Elements(institutions)
        from sector in Gen.Elements(Sectors)
        from post in Gen.Choose(0, 16)
        from now in Gen.Choose(0, 2)
        select (institution, sector, post * 25, now * 25);

    // Each sector: no bound (with weight absent against 1) or a value in [low, high].
    private static Gen<IReadOnlyDictionary<Sector, int>> Bounds(int low, int high, int absent) =>
        Gen.ArrayOf(Gen.Frequency((absent, Gen.Constant(-1)), (1, Gen.Choose(low, high))), Sectors.Length)
            .Select(values => (IReadOnlyDictionary<Sector, int>)Sectors
                .Zip(values)
                .Where(p => p.Second >= 0)
                .ToDictionary(p => p.First, p => p.Second));
}
