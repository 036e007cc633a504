using Census.Console.Tests.Infrastructure;
using Census.Testing;
using DocumentFormat.OpenXml.Packaging;

namespace Census.Console.Tests;

/// <summary>
/// The issue's "done when": a new user follows the README — runs the service, opens it, signs in with the generated
/// admin key, registers an institution, issues its key, opens a round; signs in as the institution, uploads the
/// template, submits; back as admin, runs a ranking, explains a record, finalizes, downloads the reports — all in the
/// browser, against the gateway process started as the README starts it. Screenshots of the main pages are kept for
/// docs/console.md (artifacts/console-screenshots).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FirstSessionJourneyTests(ConsoleServer server, BrowserFixture browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_new_user_runs_the_whole_census_in_the_browser()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var folder = Directory.CreateTempSubdirectory("census-journey").FullName;
        var adminContext = await NewContextAsync(gateway.BaseUrl);
        var agencyContext = await NewContextAsync(gateway.BaseUrl);
        var admin = await adminContext.NewPageAsync();
        var agency = await agencyContext.NewPageAsync();
        try
        {
            string apiKey = "";
            await StepsAsync(admin, async () =>
            {
                await admin.GotoAsync("/");
                await Screenshots.SaveAsync(admin, "01-sign-in");
                await SignInAsync(admin, gateway.AdminKey);

                await admin.GotoAsync("/console/admin/institutions/new");
                await admin.Locator("#id").FillAsync("nia");
                await admin.Locator("#name").FillAsync("한국지능정보사회진흥원");
                await admin.Locator("#kind").SelectOptionAsync("public-institution");
                await admin.Locator("#sector").SelectOptionAsync("science-technology");
                await admin.GetByRole(AriaRole.Button, new() { Name = "등록", Exact = true }).ClickAsync();
                await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/console/admin/institutions/nia\?registered=1$"));

                await admin.GetByRole(AriaRole.Button, new() { Name = "새 API 키 발급" }).ClickAsync();
                apiKey = await admin.Locator("#issued-key").InputValueAsync();
                Assert.StartsWith("cen.nia.", apiKey, StringComparison.Ordinal);
                await Screenshots.SaveAsync(admin, "03-admin-institution-key");

                await admin.GotoAsync("/console/admin/rounds/new");
                await admin.Locator("#id").FillAsync("census-2027");
                await admin.Locator("#title").FillAsync("2027 AI 학습데이터 실태조사");
                await admin.Locator("#deadline").FillAsync("2027-03-31T18:00");
                await admin.Locator("#quota").FillAsync("1");
                await Screenshots.SaveAsync(admin, "04-admin-round-create");
                await admin.GetByRole(AriaRole.Button, new() { Name = "회차 만들기" }).ClickAsync();
                await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/console/admin/rounds/census-2027\?created=1$"));
                await admin.GetByRole(AriaRole.Button, new() { Name = "회차 시작" }).ClickAsync();
                await Assertions.Expect(admin.Locator("#round-message")).ToHaveTextAsync("회차를 시작했습니다.");
            });

            await StepsAsync(agency, async () =>
            {
                await SignInAsync(agency, apiKey);
                await Assertions.Expect(agency.Locator("main")).ToContainTextAsync("2027 AI 학습데이터 실태조사");
                await Screenshots.SaveAsync(agency, "05-agency-home");

                await agency.GotoAsync("/console/agency/rounds/census-2027/upload");
                var download = await agency.RunAndWaitForDownloadAsync(() =>
                    agency.GetByRole(AriaRole.Link, new() { Name = "CSV 양식 내려받기" }).ClickAsync());
                var header = (await File.ReadAllLinesAsync((await download.PathAsync())!))[0];
                var file = Path.Combine(folder, "보유현황.csv");
                await File.WriteAllTextAsync(file, TemplateCsv.Write(header,
                    TemplateCsv.Row("road-cctv", SurveyRecords.Perfect() with { Title = "도로 CCTV 영상" }),
                    TemplateCsv.Row("air-quality", SurveyRecords.Valid() with { Title = "대기질 측정 자료" })));
                await agency.Locator("#file").SetInputFilesAsync(file);
                await Screenshots.SaveAsync(agency, "06-agency-upload");
                await agency.Locator("#dry-run").ClickAsync();
                await Assertions.Expect(agency.Locator("#import-clean")).ToBeVisibleAsync(new() { Timeout = 30_000 });
                await agency.Locator("#commit").ClickAsync();
                await Assertions.Expect(agency.Locator("#import-state")).ToHaveTextAsync("완료", new() { Timeout = 30_000 });
                await Assertions.Expect(agency.Locator("#count-created")).ToHaveTextAsync("2");
                await Screenshots.SaveAsync(agency, "07-agency-import");

                await agency.GotoAsync("/console/agency/rounds/census-2027");
                await Assertions.Expect(agency.Locator("#datasets tbody tr")).ToHaveCountAsync(2);
                await agency.Locator("#submit-response").ClickAsync();
                await Assertions.Expect(agency.Locator("#assignment-status")).ToHaveTextAsync("제출 완료");
                await Screenshots.SaveAsync(agency, "08-agency-datasets");
                await agency.GotoAsync("/console/agency/rounds/census-2027/datasets/road-cctv");
                await Screenshots.SaveAsync(agency, "09-agency-dataset-form");
            });

            await StepsAsync(admin, async () =>
            {
                await admin.GotoAsync("/console/admin/rounds/census-2027");
                await admin.GetByRole(AriaRole.Button, new() { Name = "회차 마감" }).ClickAsync();
                await Assertions.Expect(admin.Locator("#round-message")).ToHaveTextAsync("회차를 마감했습니다.");
                await Screenshots.SaveAsync(admin, "10-admin-round");
                await admin.GetByRole(AriaRole.Button, new() { Name = "순위 실행 시작" }).ClickAsync();
                await Assertions.Expect(admin.Locator("#run-state")).ToHaveTextAsync("완료", new() { Timeout = 60_000 });
                await Assertions.Expect(admin.Locator("#selected-total")).ToHaveTextAsync("1");

                await admin.Locator("#explainInstitution").FillAsync("nia");
                await admin.Locator("#explainDataset").FillAsync("road-cctv");
                await admin.GetByRole(AriaRole.Button, new() { Name = "설명 보기" }).ClickAsync();
                await Assertions.Expect(admin.Locator("#explain-why")).ToHaveTextAsync("선정됨");
                await admin.GetByRole(AriaRole.Button, new() { Name = "이 결과로 선정 확정" }).ClickAsync();
                await Assertions.Expect(admin.Locator("#run-message")).ToHaveTextAsync("선정을 확정했습니다.");
                await Screenshots.SaveAsync(admin, "11-admin-ranking-run");

                await admin.GotoAsync("/console/admin/rounds/census-2027/reports");
                await Screenshots.SaveAsync(admin, "12-admin-reports");
                var csv = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#download-institutions-csv").ClickAsync());
                var lines = await File.ReadAllLinesAsync((await csv.PathAsync())!);
                var nia = Assert.Single(lines, l => l.StartsWith("nia,", StringComparison.Ordinal));
                Assert.Contains(",submitted,2,", nia, StringComparison.Ordinal);
                var xlsx = await admin.RunAndWaitForDownloadAsync(() => admin.Locator("#download-sectors-xlsx").ClickAsync());
                using var workbook = SpreadsheetDocument.Open((await xlsx.PathAsync())!, false);
                Assert.Single(workbook.WorkbookPart!.WorksheetParts);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
