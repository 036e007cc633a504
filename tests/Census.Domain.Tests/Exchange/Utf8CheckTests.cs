using System.Text;
using Census.Exchange.Imports;

namespace Census.Domain.Tests.Exchange;

public sealed class Utf8CheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(4096)]
    public void Valid_UTF_8_cut_into_chunks_anywhere_is_valid(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes("도로 CCTV 🚗 영상, ünïcode");
        var check = new Utf8Check();

        for (var i = 0; i < bytes.Length; i += chunk)
        {
            check.Feed(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        }

        check.Finish();
        Assert.Equal(-1, check.InvalidAt);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void The_first_bad_byte_is_found_whatever_the_chunks(int chunk)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("abc도"), 0xB5, .. Encoding.UTF8.GetBytes("xyz")];
        var check = new Utf8Check();

        for (var i = 0; i < bytes.Length; i += chunk)
        {
            check.Feed(bytes.AsSpan(i, Math.Min(chunk, bytes.Length - i)));
        }

        check.Finish();
        Assert.Equal(6, check.InvalidAt);
    }

    [Fact]
    public void A_sequence_cut_at_the_end_of_the_bytes_is_invalid()
    {
        var check = new Utf8Check();

        check.Feed(Encoding.UTF8.GetBytes("ab도").AsSpan(0, 4));
        check.Finish();

        Assert.Equal(2, check.InvalidAt);
    }
}
