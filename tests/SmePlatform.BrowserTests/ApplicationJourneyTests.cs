using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmePlatform.TestSupport;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public partial class ApplicationJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// From a measure's page: start, fill the first section (autosaved with JavaScript), sign out, come back, finish
    /// every step with an attachment, check the answers and submit: the receipt shows the number and the hash.
    /// Every page is checked with axe-core; without JavaScript the same journey works with Next alone.
    /// </summary>
    [Theory]
    [InlineData("ja", true)]
    [InlineData("en", true)]
    [InlineData("ja", false)]
    public async Task FillLeaveReturnAndSubmit(string culture, bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(FillLeaveReturnAndSubmit)}-{culture}-{javaScript}", javaScript);
        Task CheckAsync() => javaScript ? session.AssertAccessibleAsync() : Task.CompletedTask;
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner, verified: true);
        await browser.App.CompleteProfileAsync(business.Id);
        var plan = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(plan, SampleFiles.Pdf(2048));
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(owner);
            await page.GotoAsync($"/measures/monozukuri-2026?culture={culture}");
            await page.Locator("#apply a.btn-primary").ClickAsync();
            await CheckAsync();
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/applications/*/profile");
            Assert.Contains("中小 太郎", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await CheckAsync();
            await page.Locator("main a.btn-primary").ClickAsync();
            await page.WaitForURLAsync("**/sections/plan");
            await page.Locator("#Answers_theme").FillAsync("新型NC旋盤による短納期化");
            if (javaScript)
            {
                // Autosaved while typing: nothing pressed.
                await Assertions.Expect(page.Locator("[data-autosave-status]")).ToHaveTextAsync(Saved(), new() { Timeout = 15_000 });
            }
            else
            {
                await page.Locator("main form button[value=later]").ClickAsync();
                await page.WaitForURLAsync(Url("/applications/\\d+$"));
            }

            // Leave and come back.
            await page.Locator("header form[action*='logout' i] button").ClickAsync();
            await session.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/applications?culture={culture}");
            await CheckAsync();
            await page.Locator("main table a").First.ClickAsync();
            await CheckAsync();
            await page.Locator("main a.btn-primary").ClickAsync();
            await page.Locator("main a.btn-primary").ClickAsync();
            await page.WaitForURLAsync("**/sections/plan");
            Assert.Equal("新型NC旋盤による短納期化", await page.Locator("#Answers_theme").InputValueAsync());

            await page.Locator("#Answers_challenge").FillAsync("受注から納品まで3週間かかる");
            await page.Locator("#Answers_approach").FillAsync("NC旋盤を導入し、段取りを減らす");
            // A decimal as people type it, then the upload button: the file is stored, nothing typed is lost.
            await page.Locator("#Answers_valueAddedGrowth").FillAsync("３．５");
            await page.Locator("#Files_planFile").SetInputFilesAsync(plan);
            await CheckAsync();
            await page.Locator("main form button[value=stay]").ClickAsync();
            await Assertions.Expect(page.Locator(".attachments")).ToContainTextAsync(Path.GetFileName(plan));
            await Assertions.Expect(page.Locator("#Answers_valueAddedGrowth")).ToHaveValueAsync("３．５");
            await Assertions.Expect(page.Locator("#Answers_approach")).ToHaveValueAsync("NC旋盤を導入し、段取りを減らす");
            await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/sections/wages");
            await page.Locator("#Answers_wageRaise").SelectOptionAsync("20");
            await page.Locator("#Answers_minimumWage").FillAsync("1100");
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/expenses");
            await page.Locator("#Track").SelectOptionAsync("product");
            await page.Locator("#ProjectStart").FillAsync("2027-01-04");
            await page.Locator("#ProjectEnd").FillAsync("2027-09-30");
            await page.Locator("#Lines_0__Category").SelectOptionAsync("Machinery");
            await page.Locator("#Lines_0__Description").FillAsync("NC旋盤");
            await page.Locator("#Lines_0__Vendor").FillAsync("株式会社サンプル機械");
            await page.Locator("#Lines_0__InvoiceRegistrationNumber").FillAsync("T7000012050002");
            await page.Locator("#Lines_0__AmountYen").FillAsync("3,000,000");
            await page.Locator("#RequestedYen").FillAsync("1,500,000");
            await CheckAsync();
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/check");
            await CheckAsync();
            Assert.Equal(0, await page.Locator(".check-failed").CountAsync());
            // What was chosen, as chosen: labels, not stored values.
            await Assertions.Expect(page.Locator("[data-field=valueAddedGrowth] dd")).ToHaveTextAsync("3.5");
            await Assertions.Expect(page.Locator("[data-field=wageRaise] dd")).ToHaveTextAsync(culture == "ja" ? "2.0%以上" : "2.0% or more");
            await Assertions.Expect(page.Locator("[data-field=PrefectureCode] dd")).ToHaveTextAsync(culture == "ja" ? "東京都" : "Tokyo");

            await page.Locator("form[data-submit-once] button").ClickAsync();
            await page.WaitForURLAsync("**/receipts/1");
            await CheckAsync();
            Assert.Matches(@"^\d{4}-MONO-\d{6}$", await page.Locator("[data-application-number]").InnerTextAsync());
            Assert.Matches("^[0-9a-f]{64}$", await page.Locator("[data-content-hash]").InnerTextAsync());
            Assert.Contains(Path.GetFileName(plan), await page.Locator("main table:has(#files-caption)").InnerTextAsync(), StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("[data-round]")).ToHaveTextAsync(culture == "ja" ? "1回目" : "1st");
            await Assertions.Expect(page.Locator("[data-field=wageRaise] dd")).ToHaveTextAsync(culture == "ja" ? "2.0%以上" : "2.0% or more");
        });
        File.Delete(plan);
    }

    /// <summary>
    /// After submission: the applicant submits; a reviewer takes it and returns it with a reason per field and a
    /// deadline; the applicant's status page says what was asked and leads to the step, where the reason stands beside
    /// it; the applicant corrects and resubmits; the reviewer resumes the review and selects; a
    /// Supervisor decides the grant; the applicant sees the decision and the timeline. Every page checked with axe-core.
    /// </summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ReturnCorrectSelectAndGrant(string culture)
    {
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner, verified: true);
        await browser.App.CompleteProfileAsync(business.Id);
        var applicationId = await browser.App.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var reviewerUser = await browser.App.CreateUserAsync([Web.Data.StaffRoles.Reviewer], twoFactor: true);
        var supervisorUser = await browser.App.CreateUserAsync([Web.Data.StaffRoles.Reviewer, Web.Data.StaffRoles.Supervisor], twoFactor: true);
        var mine = $"/businesses/{business.Id}/applications/{applicationId}";
        var due = SmePlatform.Domain.Time.JapanTime.DateOf(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var applicant = await browser.NewSessionAsync($"{nameof(ReturnCorrectSelectAndGrant)}-{culture}-applicant");
        await using var reviewer = await browser.NewSessionAsync($"{nameof(ReturnCorrectSelectAndGrant)}-{culture}-reviewer");
        await using var supervisor = await browser.NewSessionAsync($"{nameof(ReturnCorrectSelectAndGrant)}-{culture}-supervisor");
        await applicant.RunAsync(async page =>
        {
            await applicant.SignInAsync(owner);
            await page.GotoAsync($"{mine}/check?culture={culture}");
            await applicant.AssertAccessibleAsync();
            await page.Locator("form[data-submit-once] button").ClickAsync();
            await page.WaitForURLAsync("**/receipts/2");

            await reviewer.RunAsync(async staff =>
            {
                await reviewer.SignInAsync(reviewerUser);
                await staff.GotoAsync($"/review?culture={culture}");
                await reviewer.AssertAccessibleAsync();
                await staff.Locator($"main table a[href='/review/{applicationId}']").ClickAsync();
                await reviewer.AssertAccessibleAsync();
                await staff.Locator($"form[action='/review/{applicationId}/assign'] button[value=me]").ClickAsync();
                // Taken by the one who pressed it, not by the first name in the list.
                await Assertions.Expect(staff.Locator("#assignee")).ToHaveValueAsync(reviewerUser.Id);
                // Recorded with nothing chosen: the error summary takes focus and the page stays accessible.
                await staff.Locator($"form[action='/review/{applicationId}/decide'] button[type=submit]").ClickAsync();
                await staff.WaitForSelectorAsync(".error-summary");
                Assert.True(await staff.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
                await reviewer.AssertAccessibleAsync();
                await staff.Locator("#Decision").SelectOptionAsync("Return");
                await staff.Locator("#Reason").FillAsync("事業計画の記載が不足しています");
                await staff.Locator("#CorrectionDue").FillAsync(due);
                await staff.Locator("#Fields_0__Key").SelectOptionAsync("theme");
                await staff.Locator("#Fields_0__Reason").FillAsync("事業計画名を具体的にしてください");
                await reviewer.AssertAccessibleAsync();
                await staff.Locator($"form[action='/review/{applicationId}/decide'] button[type=submit]").ClickAsync();
                await staff.WaitForURLAsync($"**/review/{applicationId}");
            });

            // The status page says what was asked and why, by when, and leads to the step where it is corrected.
            await page.GotoAsync($"{mine}?culture={culture}");
            await Assertions.Expect(page.Locator("[data-corrections]")).ToContainTextAsync("事業計画の記載が不足しています");
            await applicant.AssertAccessibleAsync();
            await page.Locator($"[data-corrections] a[href='{mine}/sections/plan']").ClickAsync();
            await page.WaitForURLAsync("**/sections/plan");
            await Assertions.Expect(page.Locator(".notice-warning")).ToContainTextAsync("事業計画名を具体的にしてください");
            await applicant.AssertAccessibleAsync();
            await page.Locator("#Answers_theme").FillAsync("NC旋盤導入による納期の半減");
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.GotoAsync($"{mine}/check?culture={culture}");
            await page.Locator("form[data-submit-once] button").ClickAsync();
            await page.WaitForURLAsync("**/receipts/3");

            await reviewer.RunAsync(async staff =>
            {
                // Back with its reviewer still assigned: they resume the review, and keep it.
                await staff.GotoAsync($"/review/{applicationId}?culture={culture}");
                await reviewer.AssertAccessibleAsync();
                await staff.Locator($"form[action='/review/{applicationId}/resume'] button").ClickAsync();
                await Assertions.Expect(staff.Locator("#assignee")).ToHaveValueAsync(reviewerUser.Id);
                await staff.Locator("#Decision").SelectOptionAsync("Select");
                await staff.Locator("#Reason").FillAsync("計画が具体的で実現性が高い");
                await staff.Locator($"form[action='/review/{applicationId}/decide'] button[type=submit]").ClickAsync();
                await staff.WaitForURLAsync($"**/review/{applicationId}");
            });

            await supervisor.RunAsync(async boss =>
            {
                await supervisor.SignInAsync(supervisorUser);
                await boss.GotoAsync($"/review/{applicationId}?culture={culture}");
                await supervisor.AssertAccessibleAsync();
                await boss.Locator("#GrantedYen").FillAsync("900,000");
                await boss.Locator("#Reason").FillAsync("審査会の結果に基づき交付を決定");
                await boss.Locator($"form[action='/review/{applicationId}/grant'] button[type=submit]").ClickAsync();
                await boss.WaitForURLAsync($"**/review/{applicationId}");
                await supervisor.AssertAccessibleAsync();
            });

            await page.GotoAsync($"{mine}?culture={culture}");
            await applicant.AssertAccessibleAsync();
            await Assertions.Expect(page.Locator(".notice-success")).ToContainTextAsync("900,000");
            var timeline = await page.Locator(".timeline").InnerTextAsync();
            Assert.Contains("計画が具体的で実現性が高い", timeline, StringComparison.Ordinal);
            Assert.Contains("審査会の結果に基づき交付を決定", timeline, StringComparison.Ordinal);
        });
    }

    private static Regex Url(string pattern) => new(pattern);

    [GeneratedRegex("自動保存しました|Saved automatically")]
    private static partial Regex Saved();
}
