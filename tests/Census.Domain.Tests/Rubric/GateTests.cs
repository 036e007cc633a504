using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class GateTests
{
    private static IReadOnlyList<string> FailedGates(SurveyRecord record) => AtusRubric.Levels(record, Atus.Deadline).FailedGates;

    [Fact]
    public void A_lawful_licensed_providable_record_passes_every_gate()
    {
        Assert.Empty(FailedGates(SurveyRecords.Valid()));
    }

    [Fact]
    public void Unlawful_provision_fails_G1()
    {
        Assert.Equal(["G1"], FailedGates(SurveyRecords.Valid() with { LawfulToProvide = false }));
    }

    [Fact]
    public void An_unknown_license_fails_G2()
    {
        Assert.Equal(["G2"], FailedGates(SurveyRecords.Valid() with { License = License.Unknown }));
    }

    [Theory]
    [InlineData(AvailabilityScope.Open)]
    [InlineData(AvailabilityScope.NotProvidable)]
    public void Not_providable_after_processing_fails_G3_whatever_now(AvailabilityScope now)
    {
        var record = SurveyRecords.Valid() with
        {
            Availability = new SurveyAvailability { Now = now, AfterProcessing = AvailabilityScope.NotProvidable },
        };

        Assert.Equal(["G3"], FailedGates(record));
    }

    [Fact]
    public void Not_providable_now_but_providable_after_processing_passes_G3()
    {
        var record = SurveyRecords.Valid() with
        {
            Availability = new SurveyAvailability { Now = AvailabilityScope.NotProvidable, AfterProcessing = AvailabilityScope.SafeZoneOnly },
        };

        Assert.Empty(FailedGates(record));
    }

    [Fact]
    public void Failed_gates_are_listed_in_order()
    {
        Assert.Equal(["G1", "G2", "G3"], FailedGates(SurveyRecords.Minimal()));
    }

    [Fact]
    public void A_record_failing_a_gate_is_still_scored_but_not_eligible()
    {
        var score = AtusRubric.Score(SurveyRecords.Perfect() with { LawfulToProvide = false }, Atus.Deadline, RubricWeights.Default, 1);

        Assert.False(score.Eligible);
        Assert.Equal(["G1"], score.FailedGates);
        Assert.Equal(100m, score.Now);
        Assert.Equal(100m, score.Post);
    }

    [Fact]
    public void A_record_passing_every_gate_is_eligible()
    {
        var score = AtusRubric.Score(SurveyRecords.Minimal() with
        {
            LawfulToProvide = true,
            License = License.Proprietary,
            Availability = new SurveyAvailability { Now = AvailabilityScope.NotProvidable, AfterProcessing = AvailabilityScope.SafeZoneOnly },
        }, Atus.Deadline, RubricWeights.Default, 1);

        Assert.True(score.Eligible);
        Assert.Empty(score.FailedGates);
    }
}
