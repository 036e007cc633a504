using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Census.Grains.Provision;

/// <summary>
/// Opens a round's processing cases in its own timer turns (see <see cref="ICaseOpenerGrain"/>): a selected dataset at
/// a time, remembering which are open, so a crash or a failed call resumes where it stopped (on the next activation,
/// or after <see cref="RetryAfter"/>).
/// </summary>
[GrainType("case-opener")]
public sealed class CaseOpenerGrain(
    [PersistentState("opener", StorageNames.Census)] IPersistentState<CaseOpenerState> state,
    ILogger<CaseOpenerGrain> logger) : Grain, ICaseOpenerGrain
{
    /// <summary>How long after a failed attempt the opener tries again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private IGrainTimer? _work;

    private string RoundId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Plan is not null && !state.State.Done)
        {
            Arm(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    async Task ICaseOpenerGrain.Open(CaseOpeningPlan plan)
    {
        if (state.State.Plan is null)
        {
            state.State.Plan = plan;
            await state.WriteOrRollBackAsync(this);
        }

        if (!state.State.Done)
        {
            Arm(TimeSpan.Zero);
        }
    }

    Task<bool> ICaseOpenerGrain.Done() => Task.FromResult(state.State.Done);

    private void Arm(TimeSpan dueTime)
    {
        _work?.Dispose();
        _work = this.RegisterGrainTimer(OpenAllAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OpenAllAsync(CancellationToken cancellationToken)
    {
        var plan = state.State.Plan!;
        try
        {
            foreach (var selected in plan.Selection)
            {
                var key = $"{selected.InstitutionId}/{selected.DatasetId}";
                if (state.State.Opened.Contains(key))
                {
                    continue;
                }

                var read = await GrainFactory.GetGrain<IDatasetGrain>(key).Get(RoundId);
                if (read.Response is { } response)
                {
                    await GrainFactory.GetGrain<IProcessingCaseGrain>($"{RoundId}/{key}").Open(new CaseOpening(
                        selected.Rank, plan.RubricVersion, plan.Weights, plan.Deadline, response.Record, plan.Actor, selected.Sector));
                }
                else
                {
                    logger.LogWarning("Selected dataset {Dataset} of round {RoundId} has no record; no case opened", key, RoundId);
                }

                state.State.Opened.Add(key);
                await state.WriteOrRollBackAsync(this);
            }

            state.State.Done = true;
            await state.WriteOrRollBackAsync(this);
            _work?.Dispose();
            _work = null;
            logger.LogInformation("Processing cases of round {RoundId} open ({Count})", RoundId, state.State.Opened.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Opening the processing cases of round {RoundId} failed; retrying in {Delay}", RoundId, RetryAfter);
            Arm(RetryAfter);
        }
    }
}
