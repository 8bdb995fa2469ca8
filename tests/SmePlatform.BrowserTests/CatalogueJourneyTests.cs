namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class CatalogueJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// Search → filter → detail in both languages, checked with axe-core at each step; and the same journey
    /// with JavaScript turned off (axe needs JavaScript to run, and the pages are the same HTML).
    /// </summary>
    [Theory]
    [InlineData("ja", true)]
    [InlineData("en", true)]
    [InlineData("ja", false)]
    public async Task SearchFilterDetail_IsAccessible(string culture, bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(SearchFilterDetail_IsAccessible)}-{culture}-{javaScript}", javaScript);
        Task CheckAsync() => javaScript ? session.AssertAccessibleAsync() : Task.CompletedTask;
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/?culture={culture}");
            await page.Locator("#home-q").FillAsync("ﾓﾉﾂﾞｸﾘ");
            await page.Locator("main form[role=search] button").ClickAsync();
            await page.WaitForURLAsync("**/measures?q=*");
            await CheckAsync();
            Assert.True(await page.Locator("a[href='/measures/monozukuri-2026']").CountAsync() == 1);

            await page.Locator("#q").FillAsync("");
            await page.Locator("#f-purpose").SelectOptionAsync("ItDx");
            await page.Locator("#f-open").CheckAsync();
            await page.Locator(".filters button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**purpose=ItDx**");
            Assert.Contains("open=true", page.Url, StringComparison.Ordinal);
            await CheckAsync();

            await page.Locator(".measure-card h3 a").First.ClickAsync();
            await page.WaitForURLAsync("**/measures/*");
            await CheckAsync();
            Assert.Equal(1, await page.Locator(".key-facts").CountAsync());
        });
    }
}
