using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C7PersonalDataTests
{
    private static SurveyRecord Record(
        PersonalDataStatus status,
        bool sensitive = false,
        bool deidentificationPlanned = false,
        bool riskAssessed = false,
        bool scanVerified = false,
        ProcessingStep[]? plan = null) =>
        SurveyRecords.Valid() with
        {
            PersonalData = new SurveyPersonalData
            {
                Status = status,
                Sensitive = sensitive,
                DeidentificationPlanned = deidentificationPlanned,
                RiskAssessed = riskAssessed,
                ScanVerified = scanVerified,
            },
            ProcessingPlan = plan ?? [],
        };

    [Fact]
    public void No_personal_data_verified_by_a_scan_is_level_4()
    {
        Assert.Equal(4, Atus.Now(Record(PersonalDataStatus.None, scanVerified: true), 7));
    }

    [Fact]
    public void No_personal_data_without_a_scan_is_level_3()
    {
        Assert.Equal(3, Atus.Now(Record(PersonalDataStatus.None, sensitive: true, riskAssessed: true), 7));
    }

    [Fact]
    public void Pseudonymized_with_a_risk_assessment_is_level_3()
    {
        Assert.Equal(3, Atus.Now(Record(PersonalDataStatus.Pseudonymized, riskAssessed: true), 7));
    }

    [Fact]
    public void Pseudonymized_without_a_risk_assessment_is_level_2()
    {
        Assert.Equal(2, Atus.Now(Record(PersonalDataStatus.Pseudonymized, scanVerified: true), 7));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Identifiable_with_de_identification_planned_is_level_2_sensitive_or_not(bool sensitive)
    {
        Assert.Equal(2, Atus.Now(Record(PersonalDataStatus.Identifiable, sensitive: sensitive, deidentificationPlanned: true), 7));
    }

    [Fact]
    public void Identifiable_sensitive_data_without_de_identification_planned_is_level_0()
    {
        Assert.Equal(0, Atus.Now(Record(PersonalDataStatus.Identifiable, sensitive: true, riskAssessed: true, scanVerified: true), 7));
    }

    [Fact]
    public void Identifiable_non_sensitive_data_without_de_identification_planned_is_level_1()
    {
        Assert.Equal(1, Atus.Now(Record(PersonalDataStatus.Identifiable, sensitive: false), 7));
    }

    [Theory]
    [InlineData(PersonalDataStatus.Identifiable, true, false, 0, 3)]
    [InlineData(PersonalDataStatus.Identifiable, false, false, 1, 3)]
    [InlineData(PersonalDataStatus.Identifiable, true, true, 2, 3)]
    [InlineData(PersonalDataStatus.Pseudonymized, false, false, 2, 3)]
    [InlineData(PersonalDataStatus.Pseudonymized, false, true, 3, 3)]
    public void Planned_de_identification_raises_post_to_at_least_3(
        PersonalDataStatus status, bool sensitive, bool riskAssessedOrPlanned, int now, int post)
    {
        var record = status == PersonalDataStatus.Identifiable
            ? Record(status, sensitive: sensitive, deidentificationPlanned: riskAssessedOrPlanned, plan: [ProcessingStep.DeIdentification])
            : Record(status, riskAssessed: riskAssessedOrPlanned, plan: [ProcessingStep.DeIdentification]);

        Assert.Equal((now, post), Atus.Criterion(record, 7));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void Planned_de_identification_leaves_data_without_personal_data_as_it_is(bool scanVerified, int level)
    {
        Assert.Equal((level, level), Atus.Criterion(Record(PersonalDataStatus.None, scanVerified: scanVerified, plan: [ProcessingStep.DeIdentification]), 7));
    }

    [Fact]
    public void Without_planned_de_identification_post_is_now()
    {
        Assert.Equal((0, 0), Atus.Criterion(Record(PersonalDataStatus.Identifiable, sensitive: true, plan: [ProcessingStep.Cleansing]), 7));
    }

    [Fact]
    public void The_reason_names_the_personal_data_fields_and_the_step()
    {
        Assert.Equal(
            "identifiable, sensitive, no de-identification planned: level 0, post 3 by de-identification",
            Atus.Reason(Record(PersonalDataStatus.Identifiable, sensitive: true, plan: [ProcessingStep.DeIdentification]), 7));
    }
}
