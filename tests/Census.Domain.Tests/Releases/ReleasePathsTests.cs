using Census.Domain.Releases;

namespace Census.Domain.Tests.Releases;

public sealed class ReleasePathsTests
{
    [Theory]
    [InlineData("data.csv")]
    [InlineData("images/train/0001.png")]
    [InlineData("README.md")]
    [InlineData("a_b-c.d/e.tar.gz")]
    [InlineData(".metadata")]
    public void Relative_slash_separated_safe_paths_are_release_paths(string path) => Assert.Null(ReleasePaths.Problem(path));

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../secret")]
    [InlineData("data/../../secret")]
    [InlineData("./data.csv")]
    [InlineData("data//file")]
    [InlineData("data/")]
    [InlineData("data\\file")]
    [InlineData("C:file")]
    [InlineData("file name.csv")]
    [InlineData("데이터.csv")]
    [InlineData("a\u0000b")]
    [InlineData("%2e%2e/x")]
    public void Paths_that_could_escape_or_confuse_are_refused(string path) => Assert.NotNull(ReleasePaths.Problem(path));

    [Fact]
    public void A_path_may_be_300_characters_and_no_more()
    {
        Assert.Null(ReleasePaths.Problem(new string('a', 300)));
        Assert.NotNull(ReleasePaths.Problem(new string('a', 301)));
    }
}
