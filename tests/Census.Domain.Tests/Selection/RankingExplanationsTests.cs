using Census.Contracts.Rankings;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Selection;

namespace Census.Domain.Tests.Selection;

/// <summary>api.md "explain": why a record is, or is not, in a run's selection.</summary>
public sealed class RankingExplanationsTests
{
    private static Candidate Record(string key, int post, Sector sector = Sector.Finance) =>
        new(key.Split('/')[0], key.Split('/')[1], sector, post, post);

    private static readonly SelectionPolicy QuotaOne = new() { Quota = 1 };

    [Fact]
    public void A_selected_record_is_selected_at_its_rank_of_the_selection()
    {
        var explanation = RankingExplanations.ForSelected(new SelectedRecord(2, "a", "1", Sector.Finance, Modality.Text, 3m, 4.5m), 5);

        Assert.Equal(new Explanation(true, 2, 4.5m, 3m, "selected", "Selected at rank 2 of 5."), explanation);
    }

    [Fact]
    public void A_record_failing_gates_is_ineligible_naming_each_gate_it_fails()
    {
        var explanation = RankingExplanations.ForUnselected(Record("a/1", 10), failedGates: 1 | 4, [], [], QuotaOne, infeasibleReason: null);

        Assert.Equal("ineligible", explanation.Why);
        Assert.Equal("Fails gate G1 lawfulToProvide, G3 availability.afterProcessing.", explanation.Detail);
    }

    [Fact]
    public void An_eligible_record_of_an_infeasible_run_is_held_by_the_runs_reason()
    {
        var explanation = RankingExplanations.ForUnselected(Record("a/1", 10), 0, [Record("a/1", 10)], [], QuotaOne, "sectorMin.law = 2 cannot be met");

        Assert.Equal(("constraint", "The run is infeasible: sectorMin.law = 2 cannot be met"), (explanation.Why, explanation.Detail));
    }

    [Fact]
    public void An_eligible_record_ranked_below_a_full_quota_is_below_the_cut_with_its_post_score()
    {
        var explanation = RankingExplanations.ForUnselected(Record("b/1", 10), 0, [Record("b/1", 10)], [Record("a/1", 40)], QuotaOne, null);

        Assert.Equal(("below-cut", "Its post score 2.5 is below the cut of the 1 selected."), (explanation.Why, explanation.Detail));
        Assert.Equal((2.5m, 2.5m), (explanation.Post, explanation.Now));
    }

    [Fact]
    public void A_record_behind_its_institutions_cap_within_its_group_is_held_by_maxPerInstitution()
    {
        var policy = new SelectionPolicy { Quota = 5, MaxPerInstitution = 1 };
        var group = new[] { Record("a/1", 40), Record("a/2", 30) };

        var explanation = RankingExplanations.ForUnselected(group[1], 0, group, [group[0]], policy, null);

        Assert.Equal(("constraint", "Kept out by maxPerInstitution."), (explanation.Why, explanation.Detail));
    }

    [Fact]
    public void A_group_cap_names_the_smallest_of_the_caps_sizing_the_group()
    {
        var policy = new SelectionPolicy { Quota = 5, MaxPerInstitution = 3, SectorMax = new Dictionary<Sector, int> { [Sector.Finance] = 1 } };

        Assert.Equal("sectorMax.finance", RankingExplanations.GroupCap(policy, Sector.Finance));
        Assert.Equal("maxPerInstitution", RankingExplanations.GroupCap(policy, Sector.Law));
    }
}
