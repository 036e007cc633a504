using Census.Contracts.Surveys;

namespace Census.Contracts.Rounds;

/// <summary>One census round. Key: the round id.</summary>
[Alias("census.ICensusRoundGrain")]
public interface ICensusRoundGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<RoundCommandResult> Create(RoundDefinition definition, string actor);

    [Alias("Get"), Orleans.Concurrency.ReadOnly]
    Task<Round?> Get();

    [Alias("Open")]
    Task<RoundCommandResult> Open(string actor);

    [ResponseTimeout("00:00:30")]
    [Alias("Close")]
    Task<RoundCommandResult> Close(string actor);

    [Alias("SetWeights")]
    Task<RoundCommandResult> SetWeights(RubricWeights weights, string actor);

    /// <summary>Whether an institution is invited (api: agencies read rounds they are invited to).</summary>
    [Alias("IsInvited"), Orleans.Concurrency.ReadOnly]
    Task<bool> IsInvited(string institutionId);

    /// <summary>
    /// An assignment grain asks for the write context once and is then told of every change through
    /// <see cref="IAssignmentGrain.RoundChanged"/>. Null when the round does not exist.
    /// </summary>
    [Alias("Subscribe")]
    Task<RoundWriteContext?> Subscribe(string institutionId);

    /// <summary>Starts a ranking run with a rubric version (default: current); the run proceeds on its own grain.</summary>
    [ResponseTimeout("00:00:30")]
    [Alias("StartRanking")]
    Task<StartRankingResult> StartRanking(int? rubricVersion, string actor);

    /// <summary>
    /// Finalizes a closed round with the selection of a completed run that started after the close; an earlier
    /// run is refused (<see cref="RoundOutcome.WrongState"/>): it may hold records withdrawn or changed before the close.
    /// </summary>
    [ResponseTimeout("00:00:30")]
    [Alias("Finalize")]
    Task<RoundCommandResult> Finalize(string runId, string actor);

    /// <summary>The finalized selection, or null before finalization.</summary>
    [Alias("Selection"), Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<Census.Contracts.Rankings.SelectedRecord>?> Selection();

    /// <summary>
    /// Holdings by institution and by sector under the current rubric; null for an unknown round. The caller's
    /// cancellation (the HTTP request aborted or timed out) stops the index query.
    /// </summary>
    [ResponseTimeout("00:00:30")]
    [Alias("Report"), Orleans.Concurrency.ReadOnly]
    Task<Census.Contracts.Reports.RoundReport?> Report(CancellationToken cancellationToken = default);

    /// <summary>
    /// An assignment's status now (after a move, and again on every re-read of its context): keeps the progress
    /// counters. Cheap: the round records it in memory and persists its progress at most every few seconds, so
    /// agencies' writes never wait on a round state write; a status lost in a crash is reported again.
    /// </summary>
    [Alias("AssignmentStatusChanged")]
    Task AssignmentStatusChanged(string institutionId, AssignmentStatus status);
}
