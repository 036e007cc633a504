using Census.Contracts.Provision;
using Census.Contracts.Surveys;

namespace Census.Grains.Provision;

/// <summary>The durable state of one processing case: the case itself plus what it was opened from.</summary>
[GenerateSerializer, Alias("census.ProcessingCaseState")]
public sealed class ProcessingCaseState
{
    [Id(0)] public ProcessingCase? Case { get; set; }
    [Id(1)] public SurveyRecord? PromisedRecord { get; set; }
    [Id(2)] public int RubricVersion { get; set; }
    [Id(3)] public RubricWeights? Weights { get; set; }
    [Id(4)] public DateOnly Deadline { get; set; }

    /// <summary>True once the round's case board has this revision; false means a push is owed.</summary>
    [Id(5)] public bool Posted { get; set; }
}
