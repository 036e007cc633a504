using Census.Contracts.Principals;
using Census.Contracts.Provision;
using Census.Domain.Cases;

namespace Census.Domain.Tests.Cases;

public sealed class ReviewRulesTests
{
    private const string Institution = "mois";
    private static readonly PrincipalRef Kim = new("kim", "kisti");
    private static readonly PrincipalRef Lee = new("lee", "snu");
    private static readonly PrincipalRef Own = new("park", Institution);

    private static Review Open(params ReviewVote[] votes) =>
        new(1, [Kim.Id, Lee.Id], votes, null, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Two_outside_reviewers_may_be_assigned_before_the_review() =>
        Assert.Null(ReviewRules.Assign(CaseStatus.Processing, [Kim, Lee], Institution, [], votesCast: false));

    [Fact]
    public void One_reviewer_is_not_enough() =>
        Assert.Equal(CaseOutcome.Invalid, ReviewRules.Assign(CaseStatus.Processing, [Kim], Institution, [], false)!.Outcome);

    [Fact]
    public void A_reviewer_listed_twice_is_refused() =>
        Assert.Equal(CaseOutcome.Invalid, ReviewRules.Assign(CaseStatus.Processing, [Kim, Kim], Institution, [], false)!.Outcome);

    [Fact]
    public void A_reviewer_of_the_institution_under_review_is_forbidden() =>
        Assert.Equal(CaseOutcome.Forbidden, ReviewRules.Assign(CaseStatus.Processing, [Kim, Own], Institution, [], false)!.Outcome);

    [Fact]
    public void An_evidence_uploader_is_not_its_reviewer() =>
        Assert.Equal(CaseOutcome.Forbidden, ReviewRules.Assign(CaseStatus.Processing, [Kim, Lee], Institution, ["lee"], false)!.Outcome);

    [Fact]
    public void Reviewers_do_not_change_once_votes_are_cast() =>
        Assert.Equal(CaseOutcome.WrongState, ReviewRules.Assign(CaseStatus.InReview, [Kim, Lee], Institution, [], votesCast: true)!.Outcome);

    [Fact]
    public void An_assigned_reviewer_votes_once_with_a_reason()
    {
        Assert.Null(ReviewRules.Vote(CaseStatus.InReview, Open(), Kim, Institution, "fine"));
        var voted = Open(new ReviewVote(Kim.Id, ReviewDecision.Approve, "fine", DateTimeOffset.UnixEpoch));
        Assert.Equal(CaseOutcome.Conflict, ReviewRules.Vote(CaseStatus.InReview, voted, Kim, Institution, "again")!.Outcome);
        Assert.Equal(CaseOutcome.Invalid, ReviewRules.Vote(CaseStatus.InReview, Open(), Kim, Institution, " ")!.Outcome);
    }

    [Fact]
    public void A_reviewer_of_the_institution_or_not_assigned_may_not_vote()
    {
        Assert.Equal(CaseOutcome.Forbidden, ReviewRules.Vote(CaseStatus.InReview, Open(), Own, Institution, "mine")!.Outcome);
        Assert.Equal(CaseOutcome.Forbidden, ReviewRules.Vote(CaseStatus.InReview, Open(), new PrincipalRef("choi", "kdi"), Institution, "hi")!.Outcome);
    }

    [Fact]
    public void Nobody_votes_on_a_case_that_is_not_under_review() =>
        Assert.Equal(CaseOutcome.WrongState, ReviewRules.Vote(CaseStatus.Processing, Open(), Kim, Institution, "early")!.Outcome);

    [Fact]
    public void The_review_is_approved_only_when_every_reviewer_approved_and_rejected_at_the_first_rejection()
    {
        var approve = (string who) => new ReviewVote(who, ReviewDecision.Approve, "ok", DateTimeOffset.UnixEpoch);
        var reject = (string who) => new ReviewVote(who, ReviewDecision.Reject, "no", DateTimeOffset.UnixEpoch);
        string[] reviewers = [Kim.Id, Lee.Id];

        Assert.Null(ReviewRules.Outcome(reviewers, [approve(Kim.Id)]));
        Assert.Equal(ReviewOutcome.Approved, ReviewRules.Outcome(reviewers, [approve(Kim.Id), approve(Lee.Id)]));
        Assert.Equal(ReviewOutcome.Rejected, ReviewRules.Outcome(reviewers, [reject(Kim.Id)]));
        Assert.Equal(ReviewOutcome.Rejected, ReviewRules.Outcome(reviewers, [approve(Kim.Id), reject(Lee.Id)]));
    }
}
