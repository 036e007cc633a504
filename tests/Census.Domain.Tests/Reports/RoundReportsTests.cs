using Census.Contracts.Institutions;
using Census.Contracts.Rankings;
using Census.Contracts.Rounds;
using Census.Contracts.Surveys;
using Census.Domain.Reports;

namespace Census.Domain.Tests.Reports;

public sealed class RoundReportsTests
{
    // Two institutions. "moe" reported 3 records: two text/open (one ineligible) and one image/restricted
    // in another sector; "kma" reported nothing. Scores in quarter points: 4 × score.
    private static readonly ReportCell[] Cells =
    [
        new("moe", Sector.Education, Modality.Text, AvailabilityScope.Open, Eligible: true, 1, SumNowQuarterPoints: 240, SumPostQuarterPoints: 300),
        new("moe", Sector.Education, Modality.Text, AvailabilityScope.Open, Eligible: false, 1, 100, 101),
        new("moe", Sector.Law, Modality.Image, AvailabilityScope.Restricted, Eligible: true, 1, 201, 250),
    ];

    private static readonly ReportInstitution[] Institutions =
    [
        new("moe", "교육부", Sector.Education, Invited: true, AssignmentStatus.Submitted),
        new("kma", "기상청", Sector.EnvironmentWeather, Invited: true, Status: null),
    ];

    [Fact]
    public void An_institution_line_counts_its_records_by_modality_and_availability()
    {
        var report = RoundReports.Build("r", 1, Cells, Institutions, selection: null);

        var moe = report.Institutions.Single(i => i.InstitutionId == "moe");
        Assert.Equal(3, moe.Datasets);
        Assert.Equal(2, moe.ByModality[Modality.Text]);
        Assert.Equal(1, moe.ByModality[Modality.Image]);
        Assert.Equal(0, moe.ByModality[Modality.Video]);
        Assert.Equal(2, moe.ByAvailability[AvailabilityScope.Open]);
        Assert.Equal(1, moe.ByAvailability[AvailabilityScope.Restricted]);
        Assert.Equal(2, moe.Eligible);
        Assert.Equal(AssignmentStatus.Submitted, moe.Status);
    }

    [Fact]
    public void Means_are_exact_scores_averaged_over_all_records_to_two_decimals()
    {
        var report = RoundReports.Build("r", 1, Cells, Institutions, selection: null);

        var moe = report.Institutions.Single(i => i.InstitutionId == "moe");
        // now: (240 + 100 + 201) / 4 / 3 = 45.0833… → 45.08; post: (300 + 101 + 250) / 4 / 3 = 54.25
        Assert.Equal(45.08m, moe.MeanNow);
        Assert.Equal(54.25m, moe.MeanPost);
    }

    [Fact]
    public void An_invited_institution_without_records_has_zero_datasets_no_means_and_status_invited()
    {
        var report = RoundReports.Build("r", 1, Cells, Institutions, selection: null);

        var kma = report.Institutions.Single(i => i.InstitutionId == "kma");
        Assert.Equal(0, kma.Datasets);
        Assert.Null(kma.MeanNow);
        Assert.Null(kma.MeanPost);
        Assert.Equal(AssignmentStatus.Invited, kma.Status);
    }

    [Fact]
    public void Sector_lines_follow_each_record_s_own_sector()
    {
        var report = RoundReports.Build("r", 1, Cells, Institutions, selection: null);

        var education = report.Sectors.Single(s => s.Sector == Sector.Education);
        var law = report.Sectors.Single(s => s.Sector == Sector.Law);
        Assert.Equal(2, education.Datasets);
        Assert.Equal(1, education.Institutions);
        Assert.Equal(1, law.Datasets);
        Assert.Equal(50.25m, law.MeanNow); // 201 / 4
        Assert.Equal(16, report.Sectors.Count);
        Assert.Equal(0, report.Sectors.Single(s => s.Sector == Sector.Finance).Datasets);
    }

    [Fact]
    public void Selected_counts_are_null_before_finalization_and_counted_after()
    {
        SelectedRecord[] selection =
        [
            new(1, "moe", "a", Sector.Education, Modality.Text, 60m, 75m),
            new(2, "moe", "c", Sector.Law, Modality.Image, 50.25m, 62.5m),
        ];

        var before = RoundReports.Build("r", 1, Cells, Institutions, selection: null);
        var after = RoundReports.Build("r", 1, Cells, Institutions, selection);

        Assert.Null(before.Institutions.Single(i => i.InstitutionId == "moe").Selected);
        Assert.False(before.Finalized);
        Assert.Equal(2, after.Institutions.Single(i => i.InstitutionId == "moe").Selected);
        Assert.Equal(0, after.Institutions.Single(i => i.InstitutionId == "kma").Selected);
        Assert.Equal(1, after.Sectors.Single(s => s.Sector == Sector.Law).Selected);
        Assert.True(after.Finalized);
    }
}
