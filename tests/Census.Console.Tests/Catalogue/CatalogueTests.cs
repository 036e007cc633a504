using Census.Console.Tests.Infrastructure;
using Census.Testing;

namespace Census.Console.Tests.Catalogue;

/// <summary>The public catalogue pages (issue 14): no sign-in, search and filters, a dataset page with schema.org JSON-LD.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CatalogueTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private static readonly TimeSpan FeedTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A dataset through the whole provision flow to release 1.0, once the catalogue's feed has brought it in.</summary>
    private async Task<(string Institution, string Dataset)> ReleasedAsync()
    {
        var outcome = await new ProvisionJourney(Server.Api, Server.ApiWith).RunAsync();
        var institution = outcome.Case.GetProperty("institutionId").GetString()!;
        var dataset = outcome.Case.GetProperty("datasetId").GetString()!;
        var until = DateTimeOffset.UtcNow + FeedTimeout;
        while ((await Server.Api.GetAsync(new Uri($"/api/v1/catalogue/{institution}/{dataset}", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"the catalogue lists {institution}/{dataset} within {FeedTimeout}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return (institution, dataset);
    }

    [Fact]
    public async Task Anyone_finds_a_released_dataset_with_the_keyboard_and_its_page_carries_a_schema_org_Dataset()
    {
        var (institution, dataset) = await ReleasedAsync();
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/catalogue");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("공개 데이터 카탈로그");

            // Keyboard only: type the search, choose the tier with the arrow keys, submit with Enter, follow the link with Enter.
            await page.Locator("#q").FocusAsync();
            await page.Keyboard.TypeAsync(institution);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#tier")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.Locator("#tier")).ToHaveValueAsync("restricted");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#find")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            var row = page.Locator($"#datasets tr[data-dataset='{institution}/{dataset}']");
            await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("제한 제공");
            await Assertions.Expect(page.Locator("#datasets tbody tr")).ToHaveCountAsync(1);
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "catalogue-list");
            await row.GetByRole(AriaRole.Link).FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("민원 상담 기록");
            await Assertions.Expect(page.Locator("#tier")).ToHaveTextAsync("제한 제공");
            await Assertions.Expect(page.Locator("#access")).ToContainTextAsync("이용 신청서");
            await Assertions.Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".manifest[data-version='1.0']")).ToContainTextAsync("data/complaints.csv");
            await Assertions.Expect(page.Locator("#no-uses")).ToBeVisibleAsync();
            using var jsonLd = JsonDocument.Parse((await page.Locator("#dataset-jsonld").TextContentAsync())!);
            var root = jsonLd.RootElement;
            Assert.Equal("Dataset", root.GetProperty("@type").GetString());
            Assert.Equal("민원 상담 기록", root.GetProperty("name").GetString());
            Assert.Equal("https://www.kogl.or.kr/info/licenseType1.do", root.GetProperty("license").GetString());
            Assert.Equal("text/csv", root.GetProperty("distribution")[0].GetProperty("encodingFormat").GetString());
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "catalogue-dataset");
        });
    }

    [Fact]
    public async Task A_filter_with_no_match_says_so_and_a_bad_page_is_shown_in_Korean()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/catalogue?q=nothing-is-called-this&tier=open");
            await Assertions.Expect(page.Locator("#no-datasets")).ToHaveTextAsync("조건에 맞는 배포 데이터셋이 없습니다.");
            await Assertions.Expect(page.Locator("#tier")).ToHaveValueAsync("open");

            var response = await page.GotoAsync("/console/catalogue?page=0");
            Assert.Equal(400, response!.Status);
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("검색 조건을 확인해 주세요.");
            await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("page");
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task An_unknown_dataset_page_is_the_consoles_404_page()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            var response = await page.GotoAsync("/console/catalogue/no-such-institution/no-such-dataset");

            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("화면을 찾을 수 없습니다");
        });
    }

    [Fact]
    public async Task A_malformed_dataset_address_is_a_400_that_says_the_dataset_is_not_in_the_catalogue()
    {
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            var response = await page.GotoAsync("/console/catalogue/Not_An_Id/x");

            Assert.Equal(400, response!.Status);
            await Assertions.Expect(page.Locator("#entry-problem")).ToHaveTextAsync("배포된 데이터셋이 아니거나 제공되지 않는 데이터셋입니다.");
        });
    }
}
