using System.ComponentModel.DataAnnotations;

namespace Census.Contracts.Provision;

/// <summary>The body of <c>PUT …/case/tasks/{step}</c>.</summary>
[GenerateSerializer, Immutable, Alias("census.TaskStateChange")]
public sealed record TaskStateChange
{
    [Id(0), Required] public TaskState? State { get; init; }
}
