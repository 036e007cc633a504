using Census.Contracts.Access;
using Census.Contracts.Principals;
using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Access;

namespace Census.Domain.Tests.Access;

/// <summary>The access request workflow of provision.md §2, rule by rule.</summary>
public sealed class AccessRequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccessActor Agency = new("agency:nia/k1", AccessDecider.Agency, null);
    private static readonly AccessActor Reviewer = new("reviewer:kim/k2", AccessDecider.Reviewer, new PrincipalRef("kim", "kisti"));
    private static readonly AccessActor Admin = new("admin", AccessDecider.Admin, null);
    private static readonly AccessActor Requester = new("requester:park/k3", null, new PrincipalRef("park", "acme"));

    private static AccessRequest Submitted() => AccessRequestRules.Submitted(
        "ar-0123456789abcdef",
        new AccessRequestSubmission
        {
            InstitutionId = "nia", DatasetId = "road-cctv", Version = "1.0", Purpose = AccessPurpose.Research,
            ProjectSummary = "교통량 추정", Analysts = ["park", "park"], PeriodDays = 90, AgreementVersion = 1,
        },
        ReleaseTier.Restricted, "park", "acme", OrganisationKind.Company, Now, Requester.Actor);

    [Fact]
    public void A_submitted_request_is_due_ten_days_later_with_its_analysts_once()
    {
        var request = Submitted();

        Assert.Equal(AccessRequestStatus.Submitted, request.Status);
        Assert.Equal(Now.AddDays(10), request.DueAt);
        Assert.Equal(["park"], request.Analysts);
    }

    [Fact]
    public void Approval_needs_the_institution_and_a_reviewer_in_either_order()
    {
        var one = AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Approve, "ok", Reviewer, Now).Request!;
        var both = AccessRequestRules.Decide(one, AccessDecisionKind.Approve, "ok", Agency, Now).Request!;

        Assert.Equal(AccessRequestStatus.InReview, one.Status);
        Assert.Equal(AccessRequestStatus.Approved, both.Status);
        Assert.Equal("kim", both.ReviewerApproval!.PrincipalId);
        Assert.Equal(3, both.History.Count);
    }

    [Theory]
    [InlineData("acme", AccessRefusalKind.Forbidden)]
    [InlineData("nia", AccessRefusalKind.Forbidden)]
    [InlineData("kdi", null)]
    public void A_reviewer_of_the_requesters_organisation_or_of_the_institution_is_refused(string organisation, AccessRefusalKind? refusal)
    {
        var reviewer = Reviewer with { Principal = new PrincipalRef("lee", organisation) };

        var result = AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Approve, "ok", reviewer, Now);

        Assert.Equal(refusal, result.Refusal);
    }

    [Fact]
    public void An_admin_may_reject_but_not_approve()
    {
        Assert.Equal(AccessRefusalKind.Forbidden, AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Approve, "x", Admin, Now).Refusal);
        Assert.Equal(AccessRequestStatus.Rejected, AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Reject, "x", Admin, Now).Request!.Status);
    }

    [Fact]
    public void Asking_for_changes_clears_the_approvals_and_waits_for_the_requester()
    {
        var approved = AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Approve, "ok", Reviewer, Now).Request!;
        var asked = AccessRequestRules.Decide(approved, AccessDecisionKind.RequestChanges, "기간 단축", Agency, Now).Request!;

        Assert.Equal(AccessRequestStatus.ChangesRequested, asked.Status);
        Assert.Null(asked.ReviewerApproval);
        Assert.Equal(AccessRefusalKind.Conflict, AccessRequestRules.Decide(asked, AccessDecisionKind.Approve, "ok", Agency, Now).Refusal);
        Assert.Equal(AccessRefusalKind.Forbidden, AccessRequestRules.Resubmit(asked, new AccessRequestChanges { Note = "x" }, Agency, Now).Refusal);
        var resubmitted = AccessRequestRules.Resubmit(asked, new AccessRequestChanges { PeriodDays = 30, Note = "30일" }, Requester, Now).Request!;
        Assert.Equal((AccessRequestStatus.Resubmitted, 30), (resubmitted.Status, resubmitted.PeriodDays));
    }

    [Fact]
    public void A_decided_request_takes_no_more_decisions_and_cannot_be_withdrawn()
    {
        var rejected = AccessRequestRules.Decide(Submitted(), AccessDecisionKind.Reject, "no", Agency, Now).Request!;

        Assert.Equal(AccessRefusalKind.Conflict, AccessRequestRules.Decide(rejected, AccessDecisionKind.Approve, "ok", Reviewer, Now).Refusal);
        Assert.Equal(AccessRefusalKind.Conflict, AccessRequestRules.Withdraw(rejected, null, Requester, Now).Refusal);
    }

    [Fact]
    public void The_due_date_moves_once_and_an_open_request_past_it_is_overdue()
    {
        var request = Submitted();
        var extended = AccessRequestRules.Extend(request, 5, "자문", Agency, Now).Request!;

        Assert.Equal(Now.AddDays(15), extended.DueAt);
        Assert.Equal(AccessRefusalKind.Conflict, AccessRequestRules.Extend(extended, 1, "또", Agency, Now).Refusal);
        Assert.False(AccessRequestRules.IsOverdue(extended, Now.AddDays(15)));
        Assert.True(AccessRequestRules.IsOverdue(extended, Now.AddDays(15).AddSeconds(1)));
        var approved = extended with { Status = AccessRequestStatus.Approved };
        Assert.False(AccessRequestRules.IsOverdue(approved, Now.AddDays(30)));
    }

    [Theory]
    [InlineData(License.CcByNc, AccessPurpose.CommercialService, true)]
    [InlineData(License.Proprietary, AccessPurpose.CommercialService, true)]
    [InlineData(License.KoglType1, AccessPurpose.CommercialService, false)]
    [InlineData(License.CcByNc, AccessPurpose.Research, false)]
    public void A_commercial_purpose_is_excluded_by_a_non_commercial_licence(License license, AccessPurpose purpose, bool excluded) =>
        Assert.Equal(excluded, AccessRequestRules.PurposeExclusion(purpose, license) is not null);

    [Theory]
    [InlineData(ReleaseTier.Restricted, 365, false)]
    [InlineData(ReleaseTier.Restricted, 366, true)]
    [InlineData(ReleaseTier.SafeZoneOnly, 25, false)]
    [InlineData(ReleaseTier.SafeZoneOnly, 26, true)]
    public void Periods_are_limited_per_tier(ReleaseTier tier, int days, bool refused) =>
        Assert.Equal(refused, AccessRequestRules.PeriodError(tier, days) is not null);

    [Fact]
    public void A_grant_reads_as_expired_once_its_period_ends_even_before_it_is_recorded()
    {
        var grant = new Grant("gr-1", "nia", "road-cctv", "1.0", GrantKind.Download, "park", "acme", null, "1",
            Now, Now.AddDays(1), GrantStatus.Live, Now, "admin", null, null, null);

        Assert.True(GrantRules.Allows(grant, "park", GrantKind.Download, Now.AddHours(1)));
        Assert.False(GrantRules.Allows(grant, "lee", GrantKind.Download, Now.AddHours(1)));
        Assert.False(GrantRules.Allows(grant, "park", GrantKind.SafeZone, Now.AddHours(1)));
        Assert.Equal(GrantStatus.Expired, GrantRules.StatusAt(grant, Now.AddDays(1)));
        Assert.NotNull(GrantRules.Unusable(grant, Now.AddDays(1)));
    }
}
