using Census.Console.Tests.Infrastructure;

namespace Census.Console.Tests.Provision;

/// <summary>The admin's user-organisation pages (issue 14): register, verify, add people and issue their keys; each role lands on its own home.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminOrganisationTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task An_admin_registers_and_verifies_an_organisation_and_issues_its_requester_a_key_that_signs_in_to_the_requester_home()
    {
        var id = Arrange.NewId("org");
        var person = Arrange.NewId("req");
        var page = await AdminPageAsync();
        string key = "";
        await StepsAsync(page, async () =>
        {
            await page.GotoAsync("/console/admin/organisations");
            await page.GetByRole(AriaRole.Link, new() { Name = "이용 기관 등록" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("이용 기관 등록");

            // Keyboard only: type the fields, choose the kind with the arrow keys, submit with Enter.
            await page.Locator("#id").FocusAsync();
            await page.Keyboard.TypeAsync(id);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("한빛대학교 산학협력단");
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator("#kind")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.Locator("#kind")).ToHaveValueAsync("university");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("134-82-00000");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("한빛대학교 산학협력단");
            await Assertions.Expect(page.Locator("#kind")).ToHaveTextAsync("대학");
            await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("검증 전");

            // An empty note is refused next to its field, in Korean; the organisation stays unverified.
            await page.Locator("#verify").ClickAsync();
            await Assertions.Expect(page.Locator("#error-note")).ToHaveTextAsync("필수 항목입니다.");
            await Assertions.Expect(page.Locator("#note")).ToHaveAttributeAsync("aria-invalid", "true");
            var unverified = await Arrange.GetAsync($"/api/v1/organisations/{id}");
            Assert.Equal(JsonValueKind.Null, unverified.GetProperty("verifiedAt").ValueKind);
            await AssertAccessibleAsync(page);

            await page.Locator("#note").FillAsync("사업자등록증 원본과 산학협력단 직인 확인");
            await page.Locator("#verify").ClickAsync();
            await Assertions.Expect(page.Locator("#verification")).ToContainTextAsync("검증됨");
            var verified = await Arrange.GetAsync($"/api/v1/organisations/{id}");
            Assert.Equal("사업자등록증 원본과 산학협력단 직인 확인", verified.GetProperty("verificationNote").GetString());

            await page.Locator("#person-id").FillAsync(person);
            await page.Locator("#person-name").FillAsync("김연구");
            await page.Locator("#person-role").SelectOptionAsync("requester");
            await page.Locator("#add-person").ClickAsync();
            await Assertions.Expect(page.Locator($"#people tr[data-principal='{person}'] td").Nth(2)).ToHaveTextAsync("이용자");
            key = await page.Locator("#issued-key").InputValueAsync();
            await Assertions.Expect(page.Locator("#person-id")).ToHaveValueAsync(""); // the next person starts from an empty form
            Assert.StartsWith("cpr.", key);
            await AssertAccessibleAsync(page);
            await Screenshots.SaveAsync(page, "admin-organisation");

            await page.GotoAsync("/console/admin/organisations?kind=university&verified=true");
            await Assertions.Expect(page.Locator($"#organisations tr[data-organisation='{id}']")).ToContainTextAsync("검증됨");
            await Screenshots.SaveAsync(page, "admin-organisations");
        });

        var requester = await NewPageAsync();
        await StepsAsync(requester, async () =>
        {
            await SignInAsync(requester, key);
            await Assertions.Expect(requester).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/my$"));
            await Assertions.Expect(requester.Locator("header .who")).ToContainTextAsync("이용자 " + person);
        });
    }

    [Theory]
    [InlineData("zone-operator", "/console/zones$", "안심구역 운영자")]
    [InlineData("output-checker", "/console/output-checks$", "반출 심사자")]
    public async Task A_provision_role_signs_in_to_its_own_home(string role, string home, string label)
    {
        var scene = new ProvisionScene(Server);
        var (id, key) = await scene.PrincipalAsync(role, Arrange.NewId("agency"));
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(home));
            await Assertions.Expect(page.Locator("header .who")).ToHaveTextAsync(label + " " + id);
        });
    }

    [Fact]
    public async Task A_requester_is_refused_the_admin_pages()
    {
        var scene = new ProvisionScene(Server);
        var (_, key) = await scene.PrincipalAsync("requester", await scene.OrganisationAsync());
        var page = await NewPageAsync();
        await StepsAsync(page, async () =>
        {
            await SignInAsync(page, key);
            var response = await page.GotoAsync("/console/admin/organisations");
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("접근 권한이 없습니다");
        });
    }
}
