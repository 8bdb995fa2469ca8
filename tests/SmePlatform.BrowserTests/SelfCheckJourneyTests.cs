using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;

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
            // Manufacturing (E) has its thresholds loaded, as an administrator loads the published ones.
            await browser.App.PublishBenchmarksAsync("E");
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

    /// <summary>
    /// An owner in an industry whose published thresholds are not loaded (construction, D) sees the six indicators with
    /// their formulas and history, a plain sentence saying why there is no score or rank, and no chart of scores; the
    /// page passes axe-core in both languages and reflows at 320 px. The try page does the same for typed figures.
    /// </summary>
    [Theory]
    [InlineData("ja", "業種「D 建設業」については")]
    [InlineData("en", "The published thresholds for D Construction")]
    public async Task AnIndustryWithoutPublishedThresholds_SeesTheIndicatorsAndWhyThereIsNoScore(string culture, string why)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(AnIndustryWithoutPublishedThresholds_SeesTheIndicatorsAndWhyThereIsNoScore)}-{culture}");
        await session.RunAsync(async page =>
        {
            var owner = await browser.App.CreateUserAsync();
            var business = await browser.App.CreateBusinessAsync(owner);
            await browser.App.WithDbAsync(async db =>
            {
                await db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.IndustryMajor, "D").SetProperty(b => b.IndustryMiddle, (string?)null));
                db.FinancialYears.AddRange(
                    new FinancialYear { BusinessId = business.Id, ClosingDate = new DateOnly(2025, 3, 31), Sales = 100_000_000 },
                    new FinancialYear
                    {
                        BusinessId = business.Id,
                        ClosingDate = new DateOnly(2026, 3, 31),
                        Sales = 120_000_000,
                        OperatingProfit = 6_000_000,
                        Depreciation = 4_000_000,
                        CashAndDeposits = 20_000_000,
                        Receivables = 15_000_000,
                        Inventory = 8_000_000,
                        Payables = 9_000_000,
                        ShortTermBorrowings = 50_000_000,
                        NetAssets = 30_000_000,
                        TotalAssets = 100_000_000,
                        Employees = 15,
                    });
                return await db.SaveChangesAsync();
            });
            await session.SignInAsync(owner);

            await page.GotoAsync($"/businesses/{business.Id}/self-check?culture={culture}");
            await Assertions.Expect(page.Locator(".not-published")).ToContainTextAsync(why);
            Assert.Equal(6, await page.Locator("table.indicators tbody tr").CountAsync());
            Assert.Equal(3, await page.Locator("table.indicators thead th").CountAsync());
            Assert.Equal(0, await page.Locator("canvas[data-radar], .rank").CountAsync());
            await session.AssertAccessibleAsync();
            await page.SetViewportSizeAsync(320, 800);
            Assert.True(await session.FitsWidthAsync());

            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoAsync($"/self-check/try?culture={culture}");
            await page.Locator("#Industry").SelectOptionAsync("D");
            await page.Locator("#PreviousSales").FillAsync("100000000");
            await page.Locator("#Sales").FillAsync("120000000");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".not-published")).ToContainTextAsync(why);
            await session.AssertAccessibleAsync();
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
