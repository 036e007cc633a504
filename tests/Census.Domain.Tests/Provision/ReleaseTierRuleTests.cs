using Census.Contracts.Provision;
using Census.Contracts.Surveys;
using Census.Domain.Provision;

namespace Census.Domain.Tests.Provision;

public class ReleaseTierRuleTests
{
    // Lawful, KOGL type 1, no third-party rights, no personal data, open after processing.
    private static SurveyRecord Open() => SurveyRecords.Valid();

    private static SurveyRecord WithPersonalData(SurveyRecord record, PersonalDataStatus status, bool sensitive) =>
        record with { PersonalData = record.PersonalData! with { Status = status, Sensitive = sensitive } };

    private static SurveyRecord After(SurveyRecord record, AvailabilityScope scope) =>
        record with { Availability = record.Availability! with { AfterProcessing = scope } };

    private static void AssertTier(TierDecision decision, ReleaseTier tier, int clause)
    {
        Assert.Equal((tier, clause, ReleaseTierRule.Version), (decision.Tier, decision.Clause, decision.RuleVersion));
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void A_lawful_openly_licensed_record_without_personal_data_is_open() =>
        AssertTier(ReleaseTierRule.Decide(Open(), deidentificationPassed: false), ReleaseTier.Open, 4);

    [Fact]
    public void Not_lawful_to_provide_is_not_providable() =>
        AssertTier(ReleaseTierRule.Decide(Open() with { LawfulToProvide = false }, true), ReleaseTier.NotProvidable, 1);

    [Fact]
    public void An_unknown_licence_is_not_providable() =>
        AssertTier(ReleaseTierRule.Decide(Open() with { License = License.Unknown }, true), ReleaseTier.NotProvidable, 1);

    [Fact]
    public void Third_party_rights_not_cleared_are_not_providable() =>
        AssertTier(ReleaseTierRule.Decide(Open() with { ThirdPartyRights = ThirdPartyRights.NotCleared }, true), ReleaseTier.NotProvidable, 1);

    [Fact]
    public void Not_providable_after_processing_is_not_providable_under_clause_1()
    {
        var decision = ReleaseTierRule.Decide(After(Open(), AvailabilityScope.NotProvidable), true);

        AssertTier(decision, ReleaseTier.NotProvidable, 1);
        Assert.Contains("after processing", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clause_1_comes_before_remaining_personal_data() =>
        AssertTier(
            ReleaseTierRule.Decide(WithPersonalData(Open() with { LawfulToProvide = false }, PersonalDataStatus.Identifiable, true), false),
            ReleaseTier.NotProvidable, 1);

    [Theory]
    [InlineData(PersonalDataStatus.Pseudonymized)]
    [InlineData(PersonalDataStatus.Identifiable)]
    public void Personal_data_without_passed_evidence_is_safe_zone_only(PersonalDataStatus status) =>
        AssertTier(ReleaseTierRule.Decide(WithPersonalData(Open(), status, false), false), ReleaseTier.SafeZoneOnly, 2);

    [Fact]
    public void Sensitive_personal_data_is_safe_zone_only_even_when_the_evidence_passed() =>
        AssertTier(ReleaseTierRule.Decide(WithPersonalData(Open(), PersonalDataStatus.Pseudonymized, true), true), ReleaseTier.SafeZoneOnly, 2);

    [Fact]
    public void Safe_zone_only_after_processing_is_safe_zone_only() =>
        AssertTier(ReleaseTierRule.Decide(After(Open(), AvailabilityScope.SafeZoneOnly), false), ReleaseTier.SafeZoneOnly, 2);

    [Fact]
    public void Clause_2_comes_before_restricted_after_processing() =>
        AssertTier(
            ReleaseTierRule.Decide(WithPersonalData(After(Open(), AvailabilityScope.Restricted), PersonalDataStatus.Pseudonymized, false), false),
            ReleaseTier.SafeZoneOnly, 2);

    [Fact]
    public void Clause_2_comes_before_a_non_commercial_licence() =>
        AssertTier(
            ReleaseTierRule.Decide(WithPersonalData(Open() with { License = License.CcByNc }, PersonalDataStatus.Pseudonymized, true), true),
            ReleaseTier.SafeZoneOnly, 2);

    [Fact]
    public void Restricted_after_processing_is_restricted() =>
        AssertTier(ReleaseTierRule.Decide(After(Open(), AvailabilityScope.Restricted), false), ReleaseTier.Restricted, 3);

    [Fact]
    public void De_identified_personal_data_that_passed_is_restricted_never_open() =>
        AssertTier(ReleaseTierRule.Decide(WithPersonalData(Open(), PersonalDataStatus.Pseudonymized, false), true), ReleaseTier.Restricted, 3);

    [Theory]
    [InlineData(License.CcByNc)]
    [InlineData(License.CcByNcSa)]
    [InlineData(License.CcByNcNd)]
    [InlineData(License.KoglType2)]
    [InlineData(License.KoglType4)]
    [InlineData(License.Proprietary)]
    public void A_non_commercial_or_proprietary_licence_is_restricted(License license) =>
        AssertTier(ReleaseTierRule.Decide(Open() with { License = license }, false), ReleaseTier.Restricted, 3);

    [Theory]
    [InlineData(License.CcByNd)]
    [InlineData(License.KoglType3)]
    [InlineData(License.Cc0)]
    public void A_licence_that_allows_commercial_use_stays_open(License license) =>
        AssertTier(ReleaseTierRule.Decide(Open() with { License = license }, false), ReleaseTier.Open, 4);

    [Theory]
    [InlineData(ReleaseTier.Open, ReleaseTier.Open, true)]
    [InlineData(ReleaseTier.Open, ReleaseTier.Restricted, true)]
    [InlineData(ReleaseTier.Open, ReleaseTier.SafeZoneOnly, true)]
    [InlineData(ReleaseTier.Open, ReleaseTier.NotProvidable, false)]
    [InlineData(ReleaseTier.Restricted, ReleaseTier.Open, false)]
    [InlineData(ReleaseTier.Restricted, ReleaseTier.Restricted, true)]
    [InlineData(ReleaseTier.Restricted, ReleaseTier.SafeZoneOnly, true)]
    [InlineData(ReleaseTier.Restricted, ReleaseTier.NotProvidable, false)]
    [InlineData(ReleaseTier.SafeZoneOnly, ReleaseTier.Open, false)]
    [InlineData(ReleaseTier.SafeZoneOnly, ReleaseTier.Restricted, false)]
    [InlineData(ReleaseTier.SafeZoneOnly, ReleaseTier.SafeZoneOnly, true)]
    [InlineData(ReleaseTier.SafeZoneOnly, ReleaseTier.NotProvidable, false)]
    [InlineData(ReleaseTier.NotProvidable, ReleaseTier.Open, false)]
    [InlineData(ReleaseTier.NotProvidable, ReleaseTier.Restricted, false)]
    [InlineData(ReleaseTier.NotProvidable, ReleaseTier.SafeZoneOnly, false)]
    [InlineData(ReleaseTier.NotProvidable, ReleaseTier.NotProvidable, true)]
    public void An_admin_may_choose_only_the_ruled_tier_or_a_more_restrictive_one(ReleaseTier ruled, ReleaseTier chosen, bool allowed) =>
        Assert.Equal(allowed, ReleaseTierRule.MayChoose(ruled, chosen));
}
