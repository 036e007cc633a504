using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C6LicenseTests
{
    private static SurveyRecord Record(License license, ThirdPartyRights rights) =>
        SurveyRecords.Valid() with { License = license, ThirdPartyRights = rights, ProcessingPlan = Enum.GetValues<ProcessingStep>() };

    [Theory]
    [InlineData(License.Unknown, 0)]
    [InlineData(License.KoglType2, 2)]
    [InlineData(License.KoglType3, 2)]
    [InlineData(License.KoglType4, 2)]
    [InlineData(License.CcByNc, 2)]
    [InlineData(License.CcByNd, 2)]
    [InlineData(License.CcByNcSa, 2)]
    [InlineData(License.CcByNcNd, 2)]
    [InlineData(License.Proprietary, 2)]
    [InlineData(License.KoglType1, 3)]
    [InlineData(License.CcBy, 3)]
    [InlineData(License.CcBySa, 3)]
    [InlineData(License.OdcBy, 3)]
    [InlineData(License.Odbl, 3)]
    [InlineData(License.Cc0, 4)]
    [InlineData(License.PublicDomain, 4)]
    [InlineData(License.Pddl, 4)]
    public void The_license_level_follows_the_license_when_rights_are_clear(License license, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(Record(license, ThirdPartyRights.None), 6));
        Assert.Equal((level, level), Atus.Criterion(Record(license, ThirdPartyRights.Cleared), 6));
    }

    [Fact]
    public void Every_license_is_in_the_table()
    {
        Assert.Equal(17, Enum.GetValues<License>().Length);
    }

    [Theory]
    [InlineData(License.Cc0)]
    [InlineData(License.CcBy)]
    [InlineData(License.Proprietary)]
    [InlineData(License.KoglType4)]
    public void Uncleared_third_party_rights_are_level_1_under_any_known_license(License license)
    {
        Assert.Equal(1, Atus.Now(Record(license, ThirdPartyRights.NotCleared), 6));
    }

    [Fact]
    public void An_unknown_license_is_level_0_even_with_uncleared_rights()
    {
        Assert.Equal(0, Atus.Now(Record(License.Unknown, ThirdPartyRights.NotCleared), 6));
    }

    [Fact]
    public void The_reason_names_the_license_and_the_rights()
    {
        Assert.Equal("license kogl-type1, third-party rights not cleared: level 1", Atus.Reason(Record(License.KoglType1, ThirdPartyRights.NotCleared), 6));
        Assert.Equal("license cc-by-nc-sa: level 2", Atus.Reason(Record(License.CcByNcSa, ThirdPartyRights.None), 6));
    }
}
