using Census.Contracts.Surveys;
using Census.Domain.Tests.Surveys;

namespace Census.Domain.Tests.Rubric;

public sealed class C3VolumeTests
{
    private static SurveyRecord Record(Modality modality, long? records, params ProcessingStep[] plan) =>
        SurveyRecords.Valid() with
        {
            Modality = modality,
            Volume = new SurveyVolume { Records = records, Bytes = 1 },
            ProcessingPlan = plan,
        };

    // Every modality, at 0, t − 1 and t for each of its thresholds (rubric.md C3 table).
    public static TheoryData<Modality, long, int> Boundaries()
    {
        var data = new TheoryData<Modality, long, int>();
        (Modality[] Modalities, long T1, long T2, long T3)[] rows =
        [
            ([Modality.Tabular, Modality.TimeSeries], 10_000, 1_000_000, 100_000_000),
            ([Modality.Text, Modality.Geospatial], 1_000, 100_000, 10_000_000),
            ([Modality.Image, Modality.Multimodal], 1_000, 100_000, 1_000_000),
            ([Modality.Audio, Modality.Video], 100, 10_000, 1_000_000),
        ];
        foreach (var (modalities, t1, t2, t3) in rows)
        {
            foreach (var modality in modalities)
            {
                data.Add(modality, 0, 1);
                data.Add(modality, t1 - 1, 1);
                data.Add(modality, t1, 2);
                data.Add(modality, t2 - 1, 2);
                data.Add(modality, t2, 3);
                data.Add(modality, t3 - 1, 3);
                data.Add(modality, t3, 4);
                data.Add(modality, long.MaxValue, 4);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void The_volume_level_follows_the_thresholds_of_the_modality(Modality modality, long records, int level)
    {
        Assert.Equal(level, Atus.Now(Record(modality, records), 3));
    }

    [Theory]
    [InlineData(Modality.Tabular)]
    [InlineData(Modality.Audio)]
    public void Absent_records_are_level_0(Modality modality)
    {
        Assert.Equal(0, Atus.Now(Record(modality, null), 3));
    }

    [Fact]
    public void Processing_never_changes_the_volume_level()
    {
        Assert.Equal((2, 2), Atus.Criterion(Record(Modality.Tabular, 10_000, Enum.GetValues<ProcessingStep>()), 3));
    }

    [Fact]
    public void The_reason_names_the_records_and_the_modality_thresholds()
    {
        Assert.Equal(
            "1,234,567 records, time-series thresholds 10,000/1,000,000/100,000,000: level 3",
            Atus.Reason(Record(Modality.TimeSeries, 1_234_567), 3));
    }
}
