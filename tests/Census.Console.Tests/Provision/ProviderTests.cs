using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests.Provision;

/// <summary>
/// The providing agency's console pages (issue 14 item 11): it publishes an agreement and a per-download offer in the
/// browser; after a granted requester's download through the API its dataset page shows the month's usage and the
/// ledger verifies, and the month's settlement statement shows the line with CSV and xlsx downloads.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProviderTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private ProvisionScene Scene => new(Server);

    [Fact]
    public async Task The_agency_sets_its_terms_and_sees_a_paid_download_in_usage_settlement_and_a_verified_ledger()
    {
        var released = await Scene.ReleasedAsync();
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, released.AgencyKey);
            await page.GotoAsync("/console/agency/provision");
            var row = page.Locator($"#datasets tr[data-dataset='{released.Dataset}']");
            await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("제한 제공");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(released.Version);
            await row.GetByRole(AriaRole.Link).ClickAsync();

            await Assertions.Expect(page.Locator("#no-agreements")).ToBeVisibleAsync();
            await page.Locator("#agreementTier").SelectOptionAsync("restricted");
            await page.Locator("#agreementTitle").FillAsync("제한 제공 데이터 이용 약정");
            await page.Locator("#agreementText").FillAsync("제3자 제공 금지. 재식별 시도 금지. 이용 기간 종료 후 파기.");
            await page.Locator("#publish-agreement").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("약정을 게시했습니다.");
            await Assertions.Expect(page.Locator("#agreements tr[data-agreement='restricted-1']")).ToContainTextAsync("제한 제공 데이터 이용 약정");

            await page.Locator("#offerVersion").SelectOptionAsync(released.Version);
            await page.Locator("#pricing").SelectOptionAsync("per-download");
            await page.Locator("#priceKrw").FillAsync("5000");
            await page.Locator("#set-offer").ClickAsync();
            await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("요금을 설정했습니다.");
            var offer = page.Locator($"#offers tr[data-version='{released.Version}']");
            await Assertions.Expect(offer.Locator(".offer-pricing")).ToHaveTextAsync("건당 요금");
            await Assertions.Expect(offer.Locator(".offer-price")).ToHaveTextAsync("5,000원");
            await Screenshots.SaveAsync(page, "provider-dataset");
            await AssertAccessibleAsync(page);
        });

        var (grantId, requestId) = await GrantAndDownloadAsync(released);
        await StepsAsync(page, async () =>
        {
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#usage-downloads")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("#usage-requesters")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("#usage tr[data-kind='company'] th")).ToHaveTextAsync("기업");
            await Assertions.Expect(page.Locator("figure.chart svg[role='img']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator($"#requests tr[data-request='{requestId}']")).ToContainTextAsync("승인");
            await page.Locator("#verify-ledger").ClickAsync();
            await Assertions.Expect(page.Locator("#ledger-result")).ToContainTextAsync("원장이 온전합니다");
            await page.Locator("#usage-heading").ScrollIntoViewIfNeededAsync();
            await Screenshots.SaveAsync(page, "provider-usage");
            await AssertAccessibleAsync(page);

            await page.GotoAsync("/console/agency/settlements");
            var line = page.Locator($"table.settlement[data-dataset='{released.Dataset}'] tr.settlement-line");
            await Assertions.Expect(line).ToHaveCountAsync(1);
            await Assertions.Expect(line).ToContainTextAsync(grantId);
            await Assertions.Expect(line).ToContainTextAsync("건당 요금");
            await Assertions.Expect(page.Locator("#settlement-total")).ToHaveTextAsync("5,000원");
            await Screenshots.SaveAsync(page, "provider-settlement");
            await AssertAccessibleAsync(page);

            var csv = await page.APIRequest.GetAsync(await page.Locator("#settlement-csv").GetAttributeAsync("href") ?? "");
            Assert.Equal(200, csv.Status);
            Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains(grantId, await csv.TextAsync(), StringComparison.Ordinal);
            var xlsx = await page.APIRequest.GetAsync(await page.Locator("#settlement-xlsx").GetAttributeAsync("href") ?? "");
            Assert.Equal(200, xlsx.Status);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);
        });
    }

    /// <summary>A verified company's requester accepts the agreement, asks, is approved, and downloads the release's file once.</summary>
    private async Task<(string GrantId, string RequestId)> GrantAndDownloadAsync(ProvisionScene.Released released)
    {
        var organisation = await Scene.OrganisationAsync();
        var requester = await Scene.PrincipalAsync("requester", organisation);
        var reviewer = await Scene.PrincipalAsync("reviewer", Arrange.NewId("board"));
        await Scene.AcceptAsync(released, requester.Key);
        var requestId = await Scene.RequestAsync(released, requester.Key, requester.Id);
        var grantId = await Scene.ApproveAsync(released, requestId, reviewer.Key);
        using var client = Server.ApiWith(requester.Key);
        using var response = await client.GetAsync(new Uri($"/api/v1/grants/{grantId}/files/data/complaints.csv", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"download → {(int)response.StatusCode}");
        _ = await response.Content.ReadAsByteArrayAsync();
        await UntilCompletedAsync(released);
        return (grantId, requestId);
    }

    /// <summary>The download is recorded as completed once its response has ended, just after the client has the bytes: wait for that record.</summary>
    private async Task UntilCompletedAsync(ProvisionScene.Released released)
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await Arrange.GetAsync($"{released.DatasetPath}/usage?from={month}&to={month}"))
            .GetProperty("months")[0].GetProperty("total").GetProperty("downloads").GetInt64() < 1)
        {
            Assert.True(DateTimeOffset.UtcNow < until, "the download is recorded as completed within 30 s");
            await Task.Delay(100);
        }
    }
}
