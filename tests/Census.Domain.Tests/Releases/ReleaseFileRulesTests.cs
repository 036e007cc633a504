using Census.Contracts.Releases;
using Census.Domain.Releases;

namespace Census.Domain.Tests.Releases;

public sealed class ReleaseFileRulesTests
{
    private static readonly string A = new('a', 64);
    private static readonly string B = new('b', 64);
    private static readonly string C = new('c', 64);

    private static ReleaseFileEntry Entry(string sha256, long bytes, params ReleaseFilePartEntry[] parts) =>
        new() { Sha256 = sha256, Bytes = bytes, Parts = parts.Length == 0 ? null : parts };

    private static ReleaseFilePartEntry Part(string sha256, long bytes) => new() { Sha256 = sha256, Bytes = bytes };

    [Fact]
    public void A_missing_size_is_named_not_taken_as_zero() =>
        Assert.Equal(["is required."], ReleaseRules.Validate("x", new ReleaseFileEntry { Sha256 = A }).Errors!.ToDictionary()["bytes"]);

    [Fact]
    public void A_file_without_parts_is_one_part_the_blob_of_its_own_hash()
    {
        var file = ReleaseRules.Validate("data.csv", Entry(A, 10)).Value!;

        Assert.Equal([new ReleaseFilePart(0, 10, A)], file.Parts);
    }

    [Fact]
    public void Parts_keep_their_order_and_are_numbered_from_zero()
    {
        var file = ReleaseRules.Validate("big.bin", Entry(A, 7, Part(B, 4), Part(C, 3))).Value!;

        Assert.Equal([new ReleaseFilePart(0, 4, B), new ReleaseFilePart(1, 3, C)], file.Parts);
    }

    [Fact]
    public void Parts_must_add_up_to_the_file()
    {
        var result = ReleaseRules.Validate("big.bin", Entry(A, 8, Part(B, 4), Part(C, 3)));

        Assert.Contains("parts", result.Errors!.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("not-a-hash")]
    public void A_hash_must_be_64_lower_case_hex_digits(string prefix)
    {
        var result = ReleaseRules.Validate("x", Entry(prefix + new string('A', 64 - prefix.Length), 1));

        Assert.Contains("sha256", result.Errors!.ToDictionary().Keys);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(64L * 1024 * 1024 * 1024 + 1)]
    public void A_size_is_from_one_byte_to_64_GiB(long bytes) =>
        Assert.Contains("bytes", ReleaseRules.Validate("x", Entry(A, bytes)).Errors!.ToDictionary().Keys);

    [Fact]
    public void An_empty_parts_list_is_refused() =>
        Assert.Contains("parts", ReleaseRules.Validate("x", Entry(A, 1) with { Parts = [] }).Errors!.ToDictionary().Keys);

    [Fact]
    public void A_bad_path_is_named() =>
        Assert.Contains("path", ReleaseRules.Validate("../x", Entry(A, 1)).Errors!.ToDictionary().Keys);
}
