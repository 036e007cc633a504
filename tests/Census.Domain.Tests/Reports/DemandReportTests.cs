using Census.Contracts.Institutions;
using Census.Contracts.Ledger;
using Census.Contracts.Reports;
using Census.Contracts.Surveys;
using Census.Domain.Reports;

namespace Census.Domain.Tests.Reports;

public sealed class DemandReportTests
{
    [Fact]
    public void Demand_is_summed_per_sector_and_modality_beside_the_rounds_supply()
    {
        var supply = new[]
        {
            new SectorReport(Sector.HealthMedical, 2, 5, new Dictionary<Modality, long> { [Modality.Tabular] = 4, [Modality.Image] = 1 },
                new Dictionary<AvailabilityScope, long>(), 5, null, null, null),
        };
        var released = new[]
        {
            ("a/x", Sector.HealthMedical, Modality.Tabular),
            ("b/y", Sector.HealthMedical, Modality.Tabular),
            ("c/z", Sector.TransportLogistics, Modality.Image),
        };
        var demand = new[] { new DatasetDemand("a/x", 3, 2, 7), new DatasetDemand("c/z", 1, 1, 0), new DatasetDemand("gone/w", 9, 9, 9) };

        var lines = DemandReport.Build(supply, released, demand);

        Assert.Equal(
            [
                new DemandLine(Sector.TransportLogistics, Modality.Image, 0, 1, 1, 1, 0),
                new DemandLine(Sector.HealthMedical, Modality.Image, 1, 0, 0, 0, 0),
                new DemandLine(Sector.HealthMedical, Modality.Tabular, 4, 2, 3, 2, 7),
            ],
            lines);
    }
}
