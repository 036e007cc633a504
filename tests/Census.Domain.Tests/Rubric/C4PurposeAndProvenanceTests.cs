using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C4PurposeAndProvenanceTests
{
    private static SurveyRecord Record(CollectionPurpose purpose, bool provenanceDocumented) =>
        SurveyRecords.Valid() with
        {
            Collection = new SurveyCollection { Purpose = purpose, Method = "m", ProvenanceDocumented = provenanceDocumented },
            ProcessingPlan = Enum.GetValues<ProcessingStep>(),
        };

    [Theory]
    [InlineData(CollectionPurpose.Unknown, false, 0)]
    [InlineData(CollectionPurpose.Unknown, true, 0)]
    [InlineData(CollectionPurpose.Administrative, false, 1)]
    [InlineData(CollectionPurpose.ServiceOperation, false, 1)]
    [InlineData(CollectionPurpose.Regulatory, false, 1)]
    [InlineData(CollectionPurpose.Statistical, false, 2)]
    [InlineData(CollectionPurpose.Research, false, 2)]
    [InlineData(CollectionPurpose.AiTraining, false, 2)]
    [InlineData(CollectionPurpose.Other, false, 2)]
    [InlineData(CollectionPurpose.Administrative, true, 3)]
    [InlineData(CollectionPurpose.ServiceOperation, true, 3)]
    [InlineData(CollectionPurpose.Regulatory, true, 3)]
    [InlineData(CollectionPurpose.Other, true, 3)]
    [InlineData(CollectionPurpose.Research, true, 4)]
    [InlineData(CollectionPurpose.Statistical, true, 4)]
    [InlineData(CollectionPurpose.AiTraining, true, 4)]
    public void The_purpose_level_follows_purpose_and_provenance_and_processing_leaves_it(
        CollectionPurpose purpose, bool provenanceDocumented, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(Record(purpose, provenanceDocumented), 4));
    }

    [Fact]
    public void The_reason_names_purpose_and_provenance()
    {
        Assert.Equal("purpose service-operation, provenance not documented: level 1", Atus.Reason(Record(CollectionPurpose.ServiceOperation, false), 4));
    }
}
