using System.Text;
using Census.Contracts.Surveys;

namespace Census.Domain.Tests.Validation;

/// <summary>Wire names read from UTF-8 bytes (a ranking's load) mean what the same names read as strings mean.</summary>
public sealed class NamesUtf8Tests
{
    [Fact]
    public void Every_sector_and_modality_parses_from_its_utf8_name_to_itself()
    {
        Assert.All(Enum.GetValues<Sector>(), s => Assert.Equal(s, Names.ParseUtf8<Sector>(Encoding.UTF8.GetBytes(Names.Of(s)))));
        Assert.All(Enum.GetValues<Modality>(), m => Assert.Equal(m, Names.ParseUtf8<Modality>(Encoding.UTF8.GetBytes(Names.Of(m)))));
    }

    [Theory]
    [InlineData("Law")]
    [InlineData("law ")]
    [InlineData("time_series")]
    [InlineData("")]
    public void A_utf8_name_that_is_not_exactly_a_wire_name_is_refused(string name) =>
        Assert.Throws<FormatException>(() => Names.ParseUtf8<Sector>(Encoding.UTF8.GetBytes(name)));
}
