using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.BrowserTests;

/// <summary>
/// On a phone (390 × 844 CSS pixels) the answer comes first: the first result of a search and of the quick check
/// starts on the first screen, with and without JavaScript; the filters fold behind a disclosure that opens by
/// keyboard, and at 1280 px they stay open beside the results. The application's steps read apart.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class PhoneLayoutTests(BrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Theory]
    [InlineData("ja", true)]
    [InlineData("en", true)]
    [InlineData("ja", false)]
    public async Task Search_OnAPhone_ShowsTheFirstResultOnTheFirstScreen_WithTheFiltersFolded(string culture, bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(Search_OnAPhone_ShowsTheFirstResultOnTheFirstScreen_WithTheFiltersFolded)}-{culture}-{javaScript}", javaScript, PhoneWidth, PhoneHeight);
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/measures?q={Uri.EscapeDataString("ものづくり")}&culture={culture}");

            var first = await page.Locator(".measure-card").First.BoundingBoxAsync();
            Assert.True(first is not null && first.Y + 40 <= PhoneHeight, $"The first result starts {first?.Y} px down; the screen is {PhoneHeight} px high.");
            Assert.False(await page.Locator("#f-purpose").IsVisibleAsync());

            // The disclosure opens by keyboard, and the filters still work.
            await page.Locator(".filter-panel > summary").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#f-purpose")).ToBeVisibleAsync();
            await page.Locator("#f-purpose").SelectOptionAsync("EquipmentInvestment");
            await page.Locator(".filter-panel button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**purpose=EquipmentInvestment**");
            Assert.Contains("1", await page.Locator(".filter-panel > summary").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await session.FitsWidthAsync());
            if (javaScript)
            {
                await session.AssertAccessibleAsync();
            }
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Search_AtDesktopWidth_ShowsTheFiltersOpenBesideTheResults(bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(Search_AtDesktopWidth_ShowsTheFiltersOpenBesideTheResults)}-{javaScript}", javaScript);
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/measures?q={Uri.EscapeDataString("ものづくり")}");

            Assert.True(await page.Locator("#f-purpose").IsVisibleAsync());
            Assert.False(await page.Locator(".filter-panel > summary").IsVisibleAsync());
            var filters = (await page.Locator(".filters").BoundingBoxAsync())!;
            var results = (await page.Locator(".results").BoundingBoxAsync())!;
            Assert.True(filters.X + filters.Width <= results.X, "The filters are not beside the results.");
            Assert.True(Math.Abs(filters.Y - results.Y) < 1, "The filters and the results do not start at the same height.");
        });
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("en", true)]
    [InlineData("ja", false)]
    public async Task QuickCheck_OnAPhone_ShowsTheFirstResultOnTheFirstScreen_AfterChecking(string culture, bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(QuickCheck_OnAPhone_ShowsTheFirstResultOnTheFirstScreen_AfterChecking)}-{culture}-{javaScript}", javaScript, PhoneWidth, PhoneHeight);
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/eligibility-check?culture={culture}");
            await page.Locator("#legalForm").SelectOptionAsync("corporation");
            await page.Locator("#industry").SelectOptionAsync("E");
            await page.Locator("#industryMiddle").FillAsync("09");
            await page.Locator("#capitalYen").FillAsync("10000000");
            await page.Locator("#employees").FillAsync("12");
            await page.Locator("#prefecture").SelectOptionAsync("13");
            await page.Locator("#check-form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**industry=E**");

            var first = await page.Locator(".measure-card").First.BoundingBoxAsync();
            Assert.True(first is not null && first.Y + 40 <= PhoneHeight, $"The first result starts {first?.Y} px down; the screen is {PhoneHeight} px high.");
            // The answers are kept in the form below, which a link at the top of the results leads to.
            Assert.Equal("12", await page.Locator("#employees").InputValueAsync());
            await page.Locator("a[href='#check-form']").ClickAsync();
            Assert.True(await session.FitsWidthAsync());
            if (javaScript)
            {
                await session.AssertAccessibleAsync();
            }
        });
    }

    [Theory]
    [InlineData(PhoneWidth)]
    [InlineData(1280)]
    public async Task ApplicationSteps_EachStandApart_WithItsNumber(int width)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(ApplicationSteps_EachStandApart_WithItsNumber)}-{width}", width: width);
        var (owner, business, applicationId) = await browser.App.CreateApplicantAsync();
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}/sections/plan");

            var steps = page.Locator(".steps li");
            var count = await steps.CountAsync();
            Assert.True(count >= 4, $"{count} steps");
            var boxes = new List<LocatorBoundingBoxResult>();
            for (var i = 0; i < count; i++)
            {
                Assert.StartsWith($"{i + 1}", (await steps.Nth(i).InnerTextAsync()).Trim(), StringComparison.Ordinal);
                boxes.Add((await steps.Nth(i).BoundingBoxAsync())!);
            }

            foreach (var (before, after) in boxes.Zip(boxes.Skip(1)))
            {
                var sameLine = after.Y < before.Y + (before.Height / 2);
                Assert.True(!sameLine || after.X >= before.X + before.Width + 8, "Two steps run together on one line.");
            }

            // Read as text, each step is its own line: "1 事業者情報", "2 事業計画" ….
            var lines = (await page.Locator(".steps ol").InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(count, lines.Length);
            await session.AssertAccessibleAsync();
        });
    }

    /// <summary>
    /// The cells of the page's tables whose text is squeezed to a character or two a line (「機/械/装/置/費」, 「6,000/,000/円」):
    /// a value of four characters or more whose widest line is narrower than three characters of its font, with its table's caption.
    /// </summary>
    private static Task<string[]> CrushedCellsAsync(IPage page) => page.EvaluateAsync<string[]>(
        @"() => [...document.querySelectorAll('main table')].flatMap(table => [...table.querySelectorAll('tbody td, tbody th, tfoot td, tfoot th')].map(cell => {
            if (cell.innerText.replace(/\s+/g, '').length < 4) { return null; }
            const range = document.createRange();
            range.selectNodeContents(cell);
            const widest = Math.max(0, ...[...range.getClientRects()].map(r => r.width));
            const em = parseFloat(getComputedStyle(cell).fontSize);
            return widest < 3 * em ? `${table.caption ? table.caption.innerText : '?'}: ${cell.innerText.replace(/\s+/g, ' ')} (${Math.round(widest)} px wide)` : null;
        })).filter(text => text !== null)");

    /// <summary>
    /// On a phone the expense tables — the check page's, the receipt's and the reviewer's 経費明細 (one partial), the receipt's
    /// files, the reviewer's 実績報告の確認 and the report page's planned lines — read as blocks, each value beside its column's
    /// name: no cell is broken a character a line, the page is no wider than the screen, and axe-core finds nothing.
    /// </summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ExpenseTables_OnAPhone_StackEachRow_WithNoCellBrokenCharacterByCharacter(string culture)
    {
        var (owner, business, returnedId) = await browser.App.CreateApplicantAsync();
        var reportedId = await browser.App.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        await browser.App.GrantAsync(reportedId, 1_000_000);
        await browser.App.SetProjectPeriodAsync(SmeAppFactory.JapanToday(-90), SmeAppFactory.JapanToday(90), reportedId);
        await browser.App.WithDbAsync(async db =>
        {
            db.ReportLines.Add(new ReportLine
            {
                ApplicationId = reportedId,
                Position = 1,
                Category = "Machinery",
                Vendor = "株式会社サンプル機械",
                InvoiceRegistrationNumber = "T7000012050002",
                InvoiceNumber = "INV-2027-0510",
                InvoiceDate = SmeAppFactory.JapanToday(-10),
                AmountYen = 6_000_000,
            });
            await db.SaveChangesAsync();
            return await db.Applications.Where(a => a.Id == reportedId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.ReportSubmitted).SetProperty(a => a.ReportSubmittedAtUtc, DateTime.UtcNow));
        });
        var name = $"{nameof(ExpenseTables_OnAPhone_StackEachRow_WithNoCellBrokenCharacterByCharacter)}-{culture}";

        async Task CheckAsync(BrowserSession session, string path, int tables)
        {
            await session.Page.GotoAsync($"{path}?culture={culture}");
            Assert.Equal(tables, await session.Page.Locator("main table").CountAsync());
            var crushed = await CrushedCellsAsync(session.Page);
            Assert.True(crushed.Length == 0, $"{path}: cells broken a character or two a line:\n{string.Join("\n", crushed)}");
            Assert.True(await session.FitsWidthAsync(), $"{path} is wider than the screen.");
            await session.AssertAccessibleAsync();
        }

        await using var applicant = await browser.NewSessionAsync($"{name}-owner", width: PhoneWidth, height: PhoneHeight);
        await applicant.RunAsync(async page =>
        {
            await applicant.SignInAsync(owner);
            var returned = $"/businesses/{business.Id}/applications/{returnedId}";
            await CheckAsync(applicant, $"{returned}/check", 1);
            await CheckAsync(applicant, $"{returned}/receipts/1", 2);
            await CheckAsync(applicant, $"/businesses/{business.Id}/applications/{reportedId}/report", 1);
            // Each value is labelled by its column's name.
            await page.GotoAsync($"{returned}/check?culture={culture}");
            var label = await page.Locator("[data-expenses] tbody td").First.EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content");
            Assert.Contains(culture == "ja" ? "経費区分" : "Category", label, StringComparison.Ordinal);
        });

        await using var reviewer = await browser.NewSessionAsync($"{name}-reviewer", width: PhoneWidth, height: PhoneHeight);
        await reviewer.RunAsync(async _ =>
        {
            await reviewer.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true));
            await CheckAsync(reviewer, $"/review/{reportedId}", 2);
        });
    }
}
