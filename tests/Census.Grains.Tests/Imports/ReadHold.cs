namespace Census.Grains.Tests.Imports;

/// <summary>A read of rows held by <see cref="ImportStoreProbe"/>: <see cref="Reached"/> when the run is at it, going on once <see cref="Release"/> is set.</summary>
public sealed class ReadHold
{
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
