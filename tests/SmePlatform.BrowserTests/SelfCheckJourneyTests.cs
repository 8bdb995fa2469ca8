using Microsoft.Playwright;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class SelfCheckJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An owner enters two years of statements on the financials page, opens the self-check and sees the scores, the
    /// rank, the radar chart drawn beside its table, and the open measures linked to the weak indicator (labour
    /// productivity: ¥3m operating profit over 15 people); then answers the questionnaire. Every page is checked with
    /// axe-core, in both languages, and the self-check reflows at 320 px.
    /// </summary>
    [Theory]
    [InlineData("ja", "ランク C", "労働生産性（2点）", "200.0千円")]
    [InlineData("en", "Rank C", "Labour productivity (2 points)", "200.0 thousand yen")]
    public async Task EnterTwoYears_SeeScoresChartTableAndLinkedMeasures(string culture, string rank, string weak, string productivity)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(EnterTwoYears_SeeScoresChartTableAndLinkedMeasures)}-{culture}");
        await session.RunAsync(async page =>
        {
            var owner = await browser.App.CreateUserAsync();
            var business = await browser.App.CreateBusinessAsync(owner);
            await browser.App.CompleteProfileAsync(business.Id);
            await session.SignInAsync(owner);

            await page.GotoAsync($"/businesses/{business.Id}/profile/financials?culture={culture}");
            await session.AssertAccessibleAsync();
            await SaveYearAsync(page, new() { ["ClosingDate"] = "2025-03-31", ["Sales"] = "100000000" });
            await SaveYearAsync(page, new()
            {
                ["ClosingDate"] = "2026-03-31",
                ["Sales"] = "102000000",
                ["OperatingProfit"] = "3000000",
                ["Depreciation"] = "2000000",
                ["CashAndDeposits"] = "10000000",
                ["Receivables"] = "15000000",
                ["Inventory"] = "8000000",
                ["Payables"] = "9000000",
                ["ShortTermBorrowings"] = "20000000",
                ["LongTermBorrowings"] = "30000000",
                ["NetAssets"] = "20000000",
                ["TotalAssets"] = "100000000",
                ["Employees"] = "15",
            });

            await page.GotoAsync("/self-check");
            await page.WaitForURLAsync($"**/businesses/{business.Id}/self-check");
            await Assertions.Expect(page.Locator(".rank")).ToContainTextAsync(rank);
            await Assertions.Expect(page.Locator("table.indicators tbody tr").Nth(2)).ToContainTextAsync(productivity);
            // The chart is drawn (Chart.js took the canvas) and its table holds the same six scores.
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-radar]')) !== undefined");
            Assert.Equal(6, await page.Locator("table.indicators tbody tr").CountAsync());
            await Assertions.Expect(page.Locator("#remedies-title ~ h3").First).ToHaveTextAsync(weak);
            Assert.True(await page.Locator(".remedies .measure-card").CountAsync() > 0);
            await session.AssertAccessibleAsync();

            await page.Locator("#Vision").FillAsync(culture == "ja" ? "地域の製造業を支える" : "Serve local makers");
            await page.Locator("form[action$='/self-check/answers'] button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".notice");
            await session.AssertAccessibleAsync();

            await page.SetViewportSizeAsync(320, 800);
            Assert.True(await session.FitsWidthAsync());
        });
    }

    private static async Task SaveYearAsync(IPage page, Dictionary<string, string> figures)
    {
        foreach (var (field, value) in figures)
        {
            await page.Locator($"#{field}").FillAsync(value);
        }

        var years = await page.Locator("table.financial-years thead th").CountAsync();
        await page.Locator("main form[action$='/profile/financials'] button[type=submit]").ClickAsync();
        // Saved: the page comes back with one more year in the table.
        await Assertions.Expect(page.Locator("table.financial-years thead th")).ToHaveCountAsync(Math.Max(years, 1) + 1);
    }
}
