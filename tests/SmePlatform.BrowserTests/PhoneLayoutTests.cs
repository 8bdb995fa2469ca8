using Microsoft.Playwright;

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
}
