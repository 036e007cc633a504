using Census.Domain.Releases;

namespace Census.Domain.Tests.Releases;

public sealed class ReleaseVersionsTests
{
    [Fact]
    public void The_first_release_is_version_1_0() => Assert.Equal("1.0", ReleaseVersions.Next([]));

    [Fact]
    public void A_correction_is_the_next_minor_version() => Assert.Equal("1.1", ReleaseVersions.Next(["1.0"]));

    [Fact]
    public void Minor_versions_count_as_numbers_not_text() => Assert.Equal("1.11", ReleaseVersions.Next(["1.9", "1.10", "1.2"]));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.12", true)]
    [InlineData("2.3", true)]
    [InlineData("0.1", false)]
    [InlineData("1.01", false)]
    [InlineData("01.1", false)]
    [InlineData("1", false)]
    [InlineData("1.0.0", false)]
    [InlineData("1.", false)]
    [InlineData("v1.0", false)]
    [InlineData("1.-1", false)]
    [InlineData("1.99999999999", false)]
    public void Versions_are_written_major_dot_minor_without_leading_zeros(string version, bool valid) =>
        Assert.Equal(valid, ReleaseVersions.IsValid(version));

    [Fact]
    public void Versions_order_newest_first()
    {
        var versions = new List<string> { "1.2", "1.10", "1.0", "1.9" };

        versions.Sort(ReleaseVersions.CompareNewestFirst);

        Assert.Equal(["1.10", "1.9", "1.2", "1.0"], versions);
    }
}
