using Census.Domain.Rubric;

namespace Census.Domain.Tests.Rubric;

public sealed class RubricGatesTests
{
    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "G1" }, 1)]
    [InlineData(new[] { "G2" }, 2)]
    [InlineData(new[] { "G3" }, 4)]
    [InlineData(new[] { "G1", "G3" }, 5)]
    [InlineData(new[] { "G1", "G2", "G3" }, 7)]
    public void Failed_gates_pack_one_bit_each_and_unpack_in_order(string[] gates, int bits)
    {
        Assert.Equal(bits, RubricGates.ToBits(gates));
        Assert.Equal(gates, RubricGates.FromBits(bits));
    }

    [Fact]
    public void The_rubric_fails_exactly_the_gates_its_record_misses()
    {
        var record = SurveyRecords.Valid() with { LawfulToProvide = false, License = Census.Contracts.Surveys.License.Unknown };
        var levels = AtusRubric.Levels(record, new DateOnly(2027, 3, 31));
        Assert.Equal(["G1", "G2"], levels.FailedGates);
        Assert.Equal(3, RubricGates.ToBits(levels.FailedGates));
    }

    [Fact]
    public void A_gate_is_described_with_the_field_it_checks()
    {
        Assert.Equal("G3 availability.afterProcessing", RubricGates.Describe("G3"));
    }
}
