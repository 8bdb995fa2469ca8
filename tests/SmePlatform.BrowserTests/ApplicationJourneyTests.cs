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
            await page.Locator("#Answers_field").SelectOptionAsync("product");
            await page.Locator("#Answers_valueAddedGrowth").FillAsync("4");
            await page.Locator("#Files_planFile").SetInputFilesAsync(plan);
            await CheckAsync();
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/sections/wages");
            await page.Locator("#Answers_wageRaise").SelectOptionAsync("20");
            await page.Locator("#Answers_minimumWage").FillAsync("1100");
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/expenses");
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

            await page.Locator("form[data-submit-once] button").ClickAsync();
            await page.WaitForURLAsync("**/receipts/1");
            await CheckAsync();
            Assert.Matches(@"^\d{4}-MONO-\d{6}$", await page.Locator("[data-application-number]").InnerTextAsync());
            Assert.Matches("^[0-9a-f]{64}$", await page.Locator("[data-content-hash]").InnerTextAsync());
            Assert.Contains(Path.GetFileName(plan), await page.Locator("main table").InnerTextAsync(), StringComparison.Ordinal);
        });
        File.Delete(plan);
    }

    private static Regex Url(string pattern) => new(pattern);

    [GeneratedRegex("自動保存しました|Saved automatically")]
    private static partial Regex Saved();
}
