using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C2LabelStatusTests
{
    private static SurveyRecord Record(LabelingStatus status, bool spec, bool qa, params ProcessingStep[] plan) =>
        SurveyRecords.Valid() with
        {
            Labeling = new SurveyLabeling { Status = status, SpecDocumented = spec, QaReported = qa },
            ProcessingPlan = plan,
        };

    [Theory]
    [InlineData(LabelingStatus.None, false, false, 0)]
    [InlineData(LabelingStatus.None, true, true, 0)]
    [InlineData(LabelingStatus.Implicit, false, false, 1)]
    [InlineData(LabelingStatus.Implicit, true, true, 1)]
    [InlineData(LabelingStatus.Partial, false, false, 2)]
    [InlineData(LabelingStatus.Partial, true, true, 2)]
    [InlineData(LabelingStatus.Full, false, false, 2)]
    [InlineData(LabelingStatus.Full, false, true, 2)]
    [InlineData(LabelingStatus.Full, true, false, 3)]
    [InlineData(LabelingStatus.Full, true, true, 4)]
    public void The_label_level_follows_status_spec_and_qa(LabelingStatus status, bool spec, bool qa, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(Record(status, spec, qa), 2));
    }

    [Theory]
    [InlineData(LabelingStatus.None, false, false, 0, 3)]
    [InlineData(LabelingStatus.Implicit, false, false, 1, 3)]
    [InlineData(LabelingStatus.Partial, false, false, 2, 3)]
    [InlineData(LabelingStatus.Full, true, false, 3, 3)]
    [InlineData(LabelingStatus.Full, true, true, 4, 4)]
    public void Planned_labeling_raises_post_to_at_least_3(LabelingStatus status, bool spec, bool qa, int now, int post)
    {
        Assert.Equal((now, post), Atus.Criterion(Record(status, spec, qa, ProcessingStep.Labeling), 2));
    }

    [Fact]
    public void The_reason_names_the_labeling_fields()
    {
        Assert.Equal(
            "labeling full, spec documented, no QA report: level 3",
            Atus.Reason(Record(LabelingStatus.Full, spec: true, qa: false), 2));
    }
}
