using System.Globalization;
using Census.Contracts.Rankings;
using Census.Contracts.Rounds;
using Census.Domain.Rubric;

namespace Census.Domain.Selection;

/// <summary>
/// Why a record is, or is not, in a run's selection (api.md "explain"): selected; ineligible, naming the gates it
/// fails; kept out by a constraint, naming it; or below the quota's cut. Pure: the run grain reads the rows, this
/// decides the words.
/// </summary>
public static class RankingExplanations
{
    public const string Selected = "selected";
    public const string Ineligible = "ineligible";
    public const string Constraint = "constraint";
    public const string BelowCut = "below-cut";

    /// <summary>A selected record, explained by what the run ranked, whatever happened to it since.</summary>
    public static Explanation ForSelected(SelectedRecord record, int selectedCount)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new Explanation(true, record.Rank, record.Post, record.Now, Selected,
            Invariant($"Selected at rank {record.Rank} of {selectedCount}."));
    }

    /// <summary>
    /// A record the run did not select. <paramref name="record"/> must be eligible unless <paramref name="failedGates"/>
    /// says otherwise (packed as <see cref="RubricGates.ToBits"/>); <paramref name="group"/> holds the eligible records of its
    /// (institution, sector) group as the run ranked them; <paramref name="infeasibleReason"/> is set when the run was
    /// infeasible.
    /// </summary>
    public static Explanation ForUnselected(
        Candidate record,
        int failedGates,
        IReadOnlyList<Candidate> group,
        IReadOnlyList<Candidate> selected,
        SelectionPolicy policy,
        string? infeasibleReason)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(policy);
        var (post, now) = (QuarterPoints.ToScore(record.PostQuarterPoints), QuarterPoints.ToScore(record.NowQuarterPoints));
        if (failedGates != 0)
        {
            var gates = RubricGates.FromBits(failedGates).Select(RubricGates.Describe);
            return new Explanation(false, null, post, now, Ineligible, "Fails gate " + string.Join(", ", gates) + ".");
        }

        if (infeasibleReason is not null)
        {
            return new Explanation(false, null, post, now, Constraint, "The run is infeasible: " + infeasibleReason);
        }

        var binding = Binding(record, group, selected, policy);
        return binding == SelectionReasons.Quota
            ? new Explanation(false, null, post, now, BelowCut, Invariant($"Its post score {post} is below the cut of the {policy.Quota} selected."))
            : new Explanation(false, null, post, now, Constraint, $"Kept out by {binding}.");
    }

    /// <summary>
    /// What kept an eligible, unselected record out: the group cap if it ranks below its group's top (the shards never
    /// passed it on), else the solver's binding rule against the selection.
    /// </summary>
    public static string Binding(Candidate record, IReadOnlyList<Candidate> group, IReadOnlyList<Candidate> selected, SelectionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(group);
        var constraints = SelectionPolicies.ToConstraints(policy);
        var ahead = group.Count(r => r.Key != record.Key && RankingOrder.Instance.Compare(r, record) < 0);
        return ahead >= ExactSelection.GroupTop(constraints, record.Sector)
            ? GroupCap(policy, record.Sector)
            : ExactSelection.WhyNotSelected(record, selected, constraints);
    }

    /// <summary>The smallest of the caps that size a group names the constraint of a record ranked below the group's top.</summary>
    public static string GroupCap(SelectionPolicy policy, Census.Contracts.Institutions.Sector sector)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var caps = new List<(int Cap, string Name)> { (policy.Quota ?? int.MaxValue, SelectionReasons.Quota) };
        if (policy.MaxPerInstitution is { } perInstitution)
        {
            caps.Add((perInstitution, SelectionReasons.MaxPerInstitution));
        }

        if (policy.SectorMax is { } maxima && maxima.TryGetValue(sector, out var max))
        {
            caps.Add((max, SelectionReasons.SectorMax(sector)));
        }

        return caps.MinBy(c => c.Cap).Name;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
