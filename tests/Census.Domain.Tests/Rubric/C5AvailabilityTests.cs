using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C5AvailabilityTests
{
    private static SurveyRecord Record(AvailabilityScope now, AvailabilityScope afterProcessing) =>
        SurveyRecords.Valid() with
        {
            Availability = new SurveyAvailability { Now = now, AfterProcessing = afterProcessing },
        };

    [Theory]
    [InlineData(AvailabilityScope.NotProvidable, 0)]
    [InlineData(AvailabilityScope.SafeZoneOnly, 1)]
    [InlineData(AvailabilityScope.Restricted, 2)]
    [InlineData(AvailabilityScope.Open, 4)]
    public void The_level_now_follows_availability_now_and_skips_3(AvailabilityScope now, int level)
    {
        Assert.Equal(level, Atus.Now(Record(now, AvailabilityScope.Open), 5));
    }

    [Theory]
    [InlineData(AvailabilityScope.NotProvidable, AvailabilityScope.NotProvidable, 0)]
    [InlineData(AvailabilityScope.Open, AvailabilityScope.NotProvidable, 0)]
    [InlineData(AvailabilityScope.NotProvidable, AvailabilityScope.SafeZoneOnly, 1)]
    [InlineData(AvailabilityScope.Open, AvailabilityScope.SafeZoneOnly, 1)]
    [InlineData(AvailabilityScope.SafeZoneOnly, AvailabilityScope.Restricted, 2)]
    [InlineData(AvailabilityScope.Open, AvailabilityScope.Restricted, 2)]
    [InlineData(AvailabilityScope.NotProvidable, AvailabilityScope.Open, 3)]
    [InlineData(AvailabilityScope.SafeZoneOnly, AvailabilityScope.Open, 3)]
    [InlineData(AvailabilityScope.Restricted, AvailabilityScope.Open, 3)]
    [InlineData(AvailabilityScope.Open, AvailabilityScope.Open, 4)]
    public void The_level_post_follows_availability_after_processing_and_is_4_only_when_open_now_as_well(
        AvailabilityScope now, AvailabilityScope afterProcessing, int post)
    {
        Assert.Equal(post, Atus.Post(Record(now, afterProcessing), 5));
    }

    [Fact]
    public void Post_can_be_lower_than_now_when_availability_narrows()
    {
        Assert.Equal((4, 2), Atus.Criterion(Record(AvailabilityScope.Open, AvailabilityScope.Restricted), 5));
    }

    [Fact]
    public void Post_comes_from_after_processing_whatever_the_plan()
    {
        var record = Record(AvailabilityScope.Restricted, AvailabilityScope.Restricted) with { ProcessingPlan = Enum.GetValues<ProcessingStep>() };

        Assert.Equal((2, 2), Atus.Criterion(record, 5));
    }

    [Fact]
    public void The_reason_names_both_availabilities_and_the_post_level()
    {
        Assert.Equal(
            "availability now restricted, after processing open: level 2, post 3",
            Atus.Reason(Record(AvailabilityScope.Restricted, AvailabilityScope.Open), 5));
    }
}
