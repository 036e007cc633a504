using System.Collections.Concurrent;

namespace Census.Integration.Tests;

[Alias("census.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("Arm")]
    Task Arm(TimeSpan period);
}

/// <summary>A test grain whose reminder, when it fires, completes a signal the test awaits.</summary>
public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public static ConcurrentDictionary<string, TaskCompletionSource<TickStatus>> Fired { get; } = new();

    public Task Arm(TimeSpan period) =>
        this.RegisterOrUpdateReminder("probe", dueTime: TimeSpan.FromSeconds(1), period: period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Fired.GetOrAdd(this.GetPrimaryKeyString(), _ => new TaskCompletionSource<TickStatus>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(status);
        return Task.CompletedTask;
    }
}
