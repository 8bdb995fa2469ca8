using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class DashboardJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An analyst opens the dashboard: every table has its chart drawn beside it; a filter with a bad date comes back
    /// with the error beside its field; both states are accessible in both languages and reflow at 320 px.
    /// </summary>
    [Theory]
    [InlineData("ja", "申請状況ダッシュボード")]
    [InlineData("en", "Application status dashboard")]
    public async Task AnAnalyst_SeesChartsWithTheirTables_AndAnErrorBesideTheField(string culture, string title)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(AnAnalyst_SeesChartsWithTheirTables_AndAnErrorBesideTheField)}-{culture}");
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Analyst], twoFactor: true));

            await page.GotoAsync($"/dashboard?culture={culture}");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            var tables = await page.Locator("table[data-table]").CountAsync();
            Assert.Equal(9, tables);
            await page.WaitForFunctionAsync("() => window.Chart && [...document.querySelectorAll('canvas[data-chart]')].every(c => Chart.getChart(c) !== undefined)");
            await session.AssertAccessibleAsync();

            await page.Locator("#from").FillAsync("2026-12-31");
            await page.Locator("#to").FillAsync("2026-01-01");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
            await Assertions.Expect(page.Locator("#from-error")).Not.ToBeEmptyAsync();
            await session.AssertAccessibleAsync();

            await page.SetViewportSizeAsync(320, 800);
            Assert.True(await session.FitsWidthAsync());
        });
    }

    /// <summary>
    /// A dashboard open in one page (an analyst's, filtered to the monozukuri demo measure), and in another page an
    /// owner resubmits a corrected application: the dashboard's total of applications submitted in the period rises by
    /// one within 2 seconds, without a reload. Five other businesses' applications keep the total above suppression.
    /// </summary>
    [Fact]
    public async Task ASubmissionInOnePage_ShowsOnADashboardOpenInAnother_WithinTwoSeconds()
    {
        for (var i = 0; i < 5; i++)
        {
            var other = await browser.App.CreateUserAsync();
            await browser.App.CreateApplicationAsync(await browser.App.CreateBusinessAsync(other, verified: true), other, returnedForCorrection: true);
        }

        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner, verified: true);
        await browser.App.CompleteProfileAsync(business.Id);
        // Its first submission long ago, so that the resubmission is new to the period; returned today (due in two weeks).
        var applicationId = await browser.App.Application(business, owner).Filled().At(DateTime.UtcNow.AddDays(-200)).Submitted()
            .At(DateTime.UtcNow).UnderReview().Returned();
        var measureId = await browser.App.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "monozukuri-2026").Select(m => m.Id).SingleAsync());

        await using var dashboard = await browser.NewSessionAsync($"{nameof(ASubmissionInOnePage_ShowsOnADashboardOpenInAnother_WithinTwoSeconds)}-analyst");
        await using var applicant = await browser.NewSessionAsync($"{nameof(ASubmissionInOnePage_ShowsOnADashboardOpenInAnother_WithinTwoSeconds)}-owner");
        await dashboard.RunAsync(async analystPage =>
        {
            await dashboard.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Analyst], twoFactor: true));
            await analystPage.GotoAsync($"/dashboard?measureId={measureId}");
            var total = analystPage.Locator("table[data-table=status] tr[data-key=total] td");
            var before = long.Parse(await total.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("ja-JP"));
            // The page is listening before anything happens.
            await analystPage.WaitForFunctionAsync("() => window.signalR !== undefined");

            await applicant.RunAsync(async ownerPage =>
            {
                await applicant.SignInAsync(owner);
                await ownerPage.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}/check");
                await ownerPage.Locator("form[data-submit-once] button").ClickAsync();
                await Assertions.Expect(total).ToHaveTextAsync((before + 1).ToString("N0", CultureInfo.GetCultureInfo("ja-JP")), new() { Timeout = 2000 });
                await ownerPage.WaitForURLAsync("**/receipts/2");
            });

            await Assertions.Expect(analystPage.Locator("[data-live-status]")).Not.ToBeEmptyAsync();
            await dashboard.AssertAccessibleAsync();
        });
    }
}
