using Census.Contracts.Rounds;

namespace Census.Domain.Rounds;

/// <summary>An institution's assignment in a round: when it may submit.</summary>
public static class AssignmentRules
{
    /// <summary>
    /// Why a submission is refused, or null when it is accepted: the round must exist, invite the
    /// institution and accept writes at <paramref name="now"/>.
    /// </summary>
    public static AssignmentSubmitOutcome? SubmitRefusal(RoundWriteContext? round, DateTimeOffset now) => round switch
    {
        null => AssignmentSubmitOutcome.RoundNotFound,
        { Invited: false } => AssignmentSubmitOutcome.NotInvited,
        _ when !RoundRules.AcceptsWrites(round.State, round.Deadline, now) => AssignmentSubmitOutcome.RoundNotOpen,
        _ => null,
    };
}
