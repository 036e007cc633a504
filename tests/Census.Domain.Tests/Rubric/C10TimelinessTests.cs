using Census.Contracts.Surveys;
using Census.Domain.Rubric;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C10TimelinessTests
{
    private static SurveyRecord Record(UpdateFrequency frequency, DateOnly? lastUpdated, bool versioned) =>
        SurveyRecords.Valid() with
        {
            Maintenance = new SurveyMaintenance { UpdateFrequency = frequency, LastUpdated = lastUpdated, Versioned = versioned },
            ProcessingPlan = Enum.GetValues<ProcessingStep>(),
        };

    private static SurveyRecord Static(int daysBeforeDeadline) =>
        Record(UpdateFrequency.Static, Atus.Deadline.AddDays(-daysBeforeDeadline), versioned: false);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unknown_update_frequency_is_level_0(bool versioned)
    {
        Assert.Equal((0, 0), Atus.Criterion(Record(UpdateFrequency.Unknown, Atus.Deadline, versioned), 10));
    }

    [Fact]
    public void Static_data_without_last_updated_is_level_1()
    {
        Assert.Equal((1, 1), Atus.Criterion(Record(UpdateFrequency.Static, null, versioned: true), 10));
    }

    // "Within 1,826 days before the deadline's date": exactly 1,826 days is within, 1,827 is more.
    [Theory]
    [InlineData(1827, 1)]
    [InlineData(5000, 1)]
    [InlineData(1826, 2)]
    [InlineData(1825, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 2)]
    [InlineData(-1, 2)]
    [InlineData(-400, 2)]
    public void Static_data_is_level_2_when_last_updated_within_1826_days_before_the_deadline_or_after_it(int daysBefore, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(Static(daysBefore), 10));
    }

    // 2000-01-01 to 2004-12-31 spans two leap days: 1,826 calendar days, so still within.
    [Theory]
    [InlineData(2004, 12, 31, 2)]
    [InlineData(2005, 1, 1, 1)]
    [InlineData(1999, 6, 1, 2)]
    public void Age_is_counted_in_calendar_days_from_the_deadline_given(int year, int month, int day, int level)
    {
        var record = Record(UpdateFrequency.Static, new DateOnly(2000, 1, 1), versioned: false);

        Assert.Equal(level, AtusRubric.Levels(record, new DateOnly(year, month, day)).Now[9]);
    }

    [Fact]
    public void Versioning_does_not_lift_static_data()
    {
        Assert.Equal(2, Atus.Now(Record(UpdateFrequency.Static, Atus.Deadline, versioned: true), 10));
    }

    [Theory]
    [InlineData(UpdateFrequency.Yearly)]
    [InlineData(UpdateFrequency.Quarterly)]
    [InlineData(UpdateFrequency.Monthly)]
    [InlineData(UpdateFrequency.Weekly)]
    [InlineData(UpdateFrequency.Daily)]
    [InlineData(UpdateFrequency.Realtime)]
    public void Periodic_data_is_level_3_unversioned_and_4_versioned_whatever_last_updated(UpdateFrequency frequency)
    {
        Assert.Equal(3, Atus.Now(Record(frequency, null, versioned: false), 10));
        Assert.Equal(4, Atus.Now(Record(frequency, new DateOnly(1990, 1, 1), versioned: true), 10));
    }

    [Fact]
    public void The_reason_names_the_frequency_and_the_age()
    {
        Assert.Equal("static, last updated 1,827 days before the deadline (more than 1,826): level 1", Atus.Reason(Static(1827), 10));
        Assert.Equal("static, last updated within 1,826 days of the deadline: level 2", Atus.Reason(Static(1826), 10));
        Assert.Equal("updated realtime, versioned: level 4", Atus.Reason(Record(UpdateFrequency.Realtime, null, versioned: true), 10));
    }
}
