using Census.Exchange.Catalog;

namespace Census.Domain.Tests.Exchange.Catalog;

public sealed class CatalogOptionsTests
{
    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://data.census.example.kr/", true)]
    [InlineData("data.census.example.kr", false)]
    [InlineData("ftp://census.example.kr", false)]
    [InlineData("https://census.example.kr/?x=1", false)]
    [InlineData("https://census.example.kr/#top", false)]
    public void The_base_URL_must_be_an_absolute_http_URL_without_query_or_fragment(string baseUrl, bool valid)
    {
        Assert.Equal(valid, new CatalogOptions { BaseUrl = baseUrl }.HasValidBaseUrl());
    }

    [Fact]
    public void The_default_base_URL_is_the_gateway_s_default_address()
    {
        var options = new CatalogOptions();

        Assert.Equal("http://localhost:5080", options.BaseUrl);
        Assert.True(options.HasValidBaseUrl());
    }
}
