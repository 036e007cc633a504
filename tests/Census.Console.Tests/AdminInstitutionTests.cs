using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests;

/// <summary>The admin's institution pages: list, register, profile, API keys (console.md "Admin").</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminInstitutionTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    private async Task<HttpStatusCode> InstitutionStatusAsync(string id)
    {
        using var response = await Server.Api.GetAsync($"/api/v1/institutions/{id}");
        return response.StatusCode;
    }

    [Fact]
    public async Task Registering_an_institution_shows_its_profile_and_the_API_has_it()
    {
        var id = Arrange.NewId("reg");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions/new");
            await AssertAccessibleAsync(page);
            await page.Locator("#id").FillAsync(id);
            await page.Locator("#name").FillAsync("기상청 테스트");
            await page.Locator("#nameEn").FillAsync("Weather test");
            await page.Locator("#kind").SelectOptionAsync("central-government");
            await page.Locator("#sector").SelectOptionAsync("environment-weather");
            await page.Locator("#contactEmail").FillAsync("data@example.go.kr");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("기상청 테스트");
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("등록했습니다");
            var registered = await Arrange.GetAsync($"/api/v1/institutions/{id}");
            Assert.Equal("central-government", registered.GetProperty("kind").GetString());
            Assert.Equal("data@example.go.kr", registered.GetProperty("contactEmail").GetString());
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task A_missing_name_and_a_bad_email_are_shown_in_Korean_next_to_their_fields_and_nothing_is_registered()
    {
        var id = Arrange.NewId("bad");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions/new");
            await page.Locator("#id").FillAsync(id);
            await page.Locator("#kind").SelectOptionAsync("local-government");
            await page.Locator("#sector").SelectOptionAsync("education");
            await page.Locator("#contactEmail").FillAsync("not-an-address");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("#error-name")).ToHaveTextAsync("필수 항목입니다.");
            await Assertions.Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-describedby", "error-name");
            await Assertions.Expect(page.Locator("#name")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#error-contactEmail")).ToContainTextAsync("이메일");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("기관명");
            Assert.Equal(id, await page.Locator("#id").InputValueAsync()); // what was typed stays
            Assert.Equal(HttpStatusCode.NotFound, await InstitutionStatusAsync(id));
            await AssertAccessibleAsync(page);
        });
    }

    [Fact]
    public async Task In_English_the_form_and_its_errors_are_English()
    {
        var page = await NewPageAsync("en");
        await SignInAsync(page, Server.AdminKey);
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions/new");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Register an institution");
            await page.Locator("#id").FillAsync(Arrange.NewId("en"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("#error-name")).ToHaveTextAsync("is required.");
            await Assertions.Expect(page.Locator("label[for=kind]")).ToHaveTextAsync("Kind");
        });
    }

    [Fact]
    public async Task An_existing_id_is_shown_as_taken_next_to_the_id()
    {
        var id = await Arrange.InstitutionAsync(name: "먼저 등록한 기관");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions/new");
            await page.Locator("#id").FillAsync(id);
            await page.Locator("#name").FillAsync("두 번째");
            await page.Locator("#kind").SelectOptionAsync("other");
            await page.Locator("#sector").SelectOptionAsync("law");
            await page.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();

            await Assertions.Expect(page.Locator("#error-id")).ToHaveTextAsync("이미 등록된 ID입니다.");
            Assert.Equal("먼저 등록한 기관", (await Arrange.GetAsync($"/api/v1/institutions/{id}")).GetProperty("name").GetString());
        });
    }

    [Fact]
    public async Task Registering_an_institution_works_with_the_keyboard_only()
    {
        var id = Arrange.NewId("kbd");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions/new");
            for (var i = 0; i < 30 && await FocusedIdAsync(page) != "id"; i++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            Assert.Equal("id", await FocusedIdAsync(page));
            await page.Keyboard.TypeAsync(id);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("키보드 기관");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("kind", await FocusedIdAsync(page));
            await page.Keyboard.PressAsync("ArrowDown"); // the first kind
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("sector", await FocusedIdAsync(page));
            await page.Keyboard.PressAsync("ArrowDown"); // the first sector
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("키보드 기관");
            var registered = await Arrange.GetAsync($"/api/v1/institutions/{id}");
            Assert.Equal("central-government", registered.GetProperty("kind").GetString());
            Assert.Equal("public-administration", registered.GetProperty("sector").GetString());
        });
    }

    [Fact]
    public async Task The_list_filters_by_sector_and_links_to_the_profile()
    {
        var id = await Arrange.InstitutionAsync(name: "통일 분야 기관", sector: "unification-diplomacy");
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/institutions");
            await page.Locator("#sector").SelectOptionAsync("unification-diplomacy");
            await page.GetByRole(AriaRole.Button, new() { Name = "적용" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sector=unification-diplomacy"));
            var rows = page.Locator("table tbody tr");
            await Assertions.Expect(rows.Filter(new() { HasText = id })).ToHaveCountAsync(1);
            await Assertions.Expect(rows.Filter(new() { HasText = "환경" })).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("통일 분야 기관");
        });
    }

    [Fact]
    public async Task An_issued_key_is_shown_once_signs_in_elsewhere_and_is_not_shown_after_a_reload()
    {
        var id = await Arrange.InstitutionAsync();
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/institutions/{id}");
            await page.GetByRole(AriaRole.Button, new() { Name = "새 API 키 발급" }).ClickAsync();
            var shown = page.Locator("#issued-key");
            await Assertions.Expect(shown).ToHaveAttributeAsync("readonly", "");
            var key = await shown.InputValueAsync();
            Assert.StartsWith($"cen.{id}.", key, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("#issued-key-warning")).ToContainTextAsync("한 번만");
            await Assertions.Expect(page.Locator("button[data-copy-target=issued-key]")).ToBeVisibleAsync();
            await AssertAccessibleAsync(page);

            var agency = await NewPageAsync();
            await SignInAsync(agency, key);
            Assert.EndsWith("/console/agency", agency.Url, StringComparison.Ordinal);

            await page.GotoAsync($"/console/admin/institutions/{id}");
            await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#issued-key")).ToHaveCountAsync(0);
            Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Revoking_a_key_after_confirming_ends_that_key_s_session()
    {
        var id = await Arrange.InstitutionAsync();
        var (keyId, key) = await Arrange.KeyAsync(id);
        var agency = await NewPageAsync();
        await SignInAsync(agency, key);
        var page = await AdminPageAsync();
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/institutions/{id}");
            await page.GetByRole(AriaRole.Link, new() { Name = $"키 {keyId} 폐기" }).ClickAsync();
            await Assertions.Expect(page.Locator("#revoke-question")).ToContainTextAsync(keyId);
            Assert.False(await RevokedAsync(id), "the link only asks; nothing is revoked before the confirmation");
            await AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "폐기 확인" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "폐기했습니다" })).ToBeVisibleAsync();

            Assert.True(await RevokedAsync(id));
            await agency.GotoAsync("/console/agency");
            Assert.Contains("/console/sign-in", agency.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_institution_named_like_a_script_renders_as_text()
    {
        const string name = "<script>alert(1)</script>";
        var id = await Arrange.InstitutionAsync(name: name);
        var page = await AdminPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync($"/console/admin/institutions/{id}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
            await page.GotoAsync("/console/admin/institutions?sector=environment-weather");
            await Assertions.Expect(page.Locator("td", new() { HasText = name }).First).ToBeVisibleAsync();
            Assert.Equal(0, dialogs);
        });
    }

    private async Task<bool> RevokedAsync(string institutionId)
    {
        var key = (await Arrange.GetAsync($"/api/v1/institutions/{institutionId}/api-keys")).GetProperty("items")[0];
        return key.TryGetProperty("revokedAt", out var revokedAt) && revokedAt.ValueKind != JsonValueKind.Null;
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
