using Microsoft.Playwright;
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
            Assert.Equal(7, tables);
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
}
