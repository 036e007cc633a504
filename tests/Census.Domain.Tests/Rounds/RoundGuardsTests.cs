using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Rounds;

namespace Census.Domain.Tests.Rounds;

/// <summary>The round's and the assignment's guards, and how much history they keep.</summary>
public sealed class RoundGuardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static RoundWriteContext Round(RoundState state, bool invited = true) =>
        new("r", state, Now.AddDays(1), 8, new RubricVersion(1, RubricWeights.Default), invited, null);

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(3, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(1, 2, false)]
    public void Only_a_run_started_after_the_close_may_be_finalized(int runNumber, int runsStartedAtClose, bool allowed) =>
        Assert.Equal(allowed, RoundRules.CanFinalizeWith(runNumber, runsStartedAtClose));

    [Fact]
    public void A_submission_to_an_open_round_that_invites_the_institution_is_accepted() =>
        Assert.Null(AssignmentRules.SubmitRefusal(Round(RoundState.Open), Now));

    [Theory]
    [InlineData(RoundState.Draft)]
    [InlineData(RoundState.Closed)]
    [InlineData(RoundState.Finalized)]
    public void A_submission_to_a_round_that_is_not_open_is_refused(RoundState state) =>
        Assert.Equal(AssignmentSubmitOutcome.RoundNotOpen, AssignmentRules.SubmitRefusal(Round(state), Now));

    [Fact]
    public void A_submission_at_the_deadline_is_refused() =>
        Assert.Equal(AssignmentSubmitOutcome.RoundNotOpen, AssignmentRules.SubmitRefusal(Round(RoundState.Open), Now.AddDays(1)));

    [Fact]
    public void A_submission_of_an_uninvited_institution_or_to_no_round_is_refused_as_such()
    {
        Assert.Equal(AssignmentSubmitOutcome.NotInvited, AssignmentRules.SubmitRefusal(Round(RoundState.Open, invited: false), Now));
        Assert.Equal(AssignmentSubmitOutcome.RoundNotFound, AssignmentRules.SubmitRefusal(null, Now));
    }

    [Fact]
    public void An_audit_keeps_its_latest_entries_and_says_how_many_it_dropped()
    {
        var audit = Enumerable.Range(0, AuditRetention.MaxEntries).ToList();

        var dropped = AuditRetention.Append(audit, AuditRetention.MaxEntries);

        Assert.Equal(1, dropped);
        Assert.Equal(Enumerable.Range(1, AuditRetention.MaxEntries), audit);
    }
}
