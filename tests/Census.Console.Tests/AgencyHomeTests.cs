using System.Text.RegularExpressions;
using Census.Console.Tests.Infrastructure;
using Census.Contracts.Surveys;
using Census.Testing;

namespace Census.Console.Tests;

/// <summary>The agency's home: the open rounds its institution is invited to (console.md "Agency").</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class AgencyHomeTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Home_shows_the_invited_open_round_with_its_countdown_status_and_what_is_missing()
    {
        var institution = await Arrange.InstitutionAsync();
        var other = await Arrange.InstitutionAsync();
        var (_, key) = await Arrange.KeyAsync(institution);
        var invited = await Arrange.RoundAsync([institution], title: "초대된 회차 " + institution);
        await Arrange.RoundAsync([other], title: "다른 기관의 회차 " + institution);
        await Arrange.RecordAsync(invited, institution, "ds-good", SurveyRecords.Valid() with { Title = "좋은 자료" });
        await Arrange.RecordAsync(invited, institution, "ds-unlicensed", SurveyRecords.Valid() with { Title = "허락 없는 자료", License = License.Unknown });

        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            var card = page.Locator($"section[data-round='{invited}']");
            await Assertions.Expect(card.Locator("h2")).ToHaveTextAsync("초대된 회차 " + institution);
            await Assertions.Expect(card.Locator(".countdown")).ToHaveTextAsync(CountdownPattern());
            await Assertions.Expect(card.Locator(".status")).ToHaveTextAsync("응답 중");
            await Assertions.Expect(card.Locator(".datasets")).ToHaveTextAsync("2");
            await Assertions.Expect(card.Locator(".missing")).ToContainTextAsync("허락 없는 자료 (G2 이용 허락)");
            await Assertions.Expect(card.Locator(".missing")).ToContainTextAsync("응답을 아직 제출하지 않았습니다.");
            await Assertions.Expect(page.GetByText("다른 기관의 회차 " + institution)).ToHaveCountAsync(0);
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "데이터셋 보기" }))
                .ToHaveAttributeAsync("href", $"/console/agency/rounds/{invited}");
            await AssertAccessibleAsync(page);
        });
    }

    // A round made to close in 30 days shows D-29 and 23 hours (or D-30, 0 hours at the very instant).
    [GeneratedRegex(@"^\(D-(29, 23|30, 0)시간\)$")]
    private static partial Regex CountdownPattern();
}
