using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class MeasureEditorJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An Administrator adds a measure, sees the preview, saves and publishes it, and a visitor finds it in the
    /// catalogue; every page checked with axe-core, in both languages.
    /// </summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task AddPreviewPublish_IsAccessible_AndReachesTheCatalogue(string culture)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(AddPreviewPublish_IsAccessible_AndReachesTheCatalogue)}-{culture}");
        var slug = $"browser-{culture}-{Guid.NewGuid():N}"[..24];
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Administrator], twoFactor: true));
            await page.GotoAsync($"/admin/measures/new?culture={culture}");
            await page.Locator("#Slug").FillAsync(slug);
            await page.Locator("#TitleJa").FillAsync("ブラウザ試験補助金");
            await page.Locator("#TitleEn").FillAsync("Browser Test Subsidy");
            await page.Locator("#SummaryJa").FillAsync("ブラウザからの登録を確かめます。");
            await page.Locator("#SummaryEn").FillAsync("Checks adding a measure from the browser.");
            await page.GetByLabel(culture == "ja" ? "IT導入・DX" : "IT and digital transformation", new() { Exact = true }).CheckAsync();
            await page.Locator("#AgencyJa").FillAsync("試験庁");
            await page.Locator("#AgencyEn").FillAsync("Test Agency");
            await page.Locator("#RateTextJa").FillAsync("1/2以内");
            await page.Locator("#StartDate").FillAsync("2026-11-01");
            await page.Locator("#EndDate").FillAsync("2027-06-30");
            await page.Locator("#BodyJa").FillAsync("## 対象\n\n[公募要領](https://www.example.go.jp/)");

            await page.Locator("button[value=preview]").ClickAsync();
            await page.WaitForSelectorAsync(".preview");
            var title = culture == "ja" ? "ブラウザ試験補助金" : "Browser Test Subsidy";
            Assert.Contains(title, await page.Locator(".preview").InnerTextAsync(), StringComparison.Ordinal);
            await session.AssertAccessibleAsync();

            await page.Locator("button[value=save]").ClickAsync();
            await page.WaitForURLAsync("**/admin/measures/*");
            await session.AssertAccessibleAsync();

            // Its terms on their own page: one row for everyone.
            await page.Locator("a[href$='/terms']").First.ClickAsync();
            await page.WaitForURLAsync("**/terms");
            await session.AssertAccessibleAsync();
            await page.Locator("#Rows_0__Rate").FillAsync("1/2");
            await page.Locator("#Rows_0__MaxYen").FillAsync("3,000,000");
            await page.Locator("main form button[value=save]:not([hidden])").ClickAsync();
            await page.WaitForSelectorAsync("[role=status]");
            await Assertions.Expect(page.Locator(".terms-table")).ToContainTextAsync(culture == "ja" ? "3,000,000円" : "¥3,000,000");
            await session.AssertAccessibleAsync();

            await page.GotoAsync($"{new Uri(page.Url).AbsolutePath[..^"/terms".Length]}?culture={culture}");
            await page.Locator("form[action$='/publish'] button").ClickAsync();
            await page.WaitForSelectorAsync("[role=status]");
            Assert.Equal(0, await page.Locator("form[action$='/publish']").CountAsync());

            await page.GotoAsync($"/measures/{slug}?culture={culture}");
            await session.AssertAccessibleAsync();
            Assert.Equal(title, await page.Locator("h1").InnerTextAsync());

            await page.GotoAsync($"/admin/measures?culture={culture}");
            await session.AssertAccessibleAsync();
            Assert.Equal(1, await page.Locator($"td code:text-is('{slug}')").CountAsync());
        });
    }

    /// <summary>A dry run of a real-shaped jGrants file shows its plan and unmapped values, accessibly.</summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ImportDryRun_ShowsThePlan_Accessibly(string culture)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(ImportDryRun_ShowsThePlan_Accessibly)}-{culture}");
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Administrator], twoFactor: true));
            await page.GotoAsync($"/admin/measures/import?culture={culture}");
            await page.Locator("#Form_File").SetInputFilesAsync(Fixtures.PathOf("subsidies-one-bad-row.csv"));
            await page.Locator("button[value=dryrun]").ClickAsync();
            await page.WaitForSelectorAsync(".import-plan");

            Assert.Equal(3, await page.Locator(".import-plan tbody tr").CountAsync());
            Assert.Equal(1, await page.Locator(".import-plan tr[data-action=Refuse]").CountAsync());
            Assert.Equal(0, await page.Locator("button[value=import]").CountAsync());
            await session.AssertAccessibleAsync();
        });
    }
}
