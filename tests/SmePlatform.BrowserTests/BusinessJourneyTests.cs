using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class BusinessJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// Register a business, fill the address from the postal code, save, change one field and find the change in
    /// the history: every page checked with axe-core in both languages, and the same journey with JavaScript off.
    /// </summary>
    [Theory]
    [InlineData("ja", true)]
    [InlineData("en", true)]
    [InlineData("ja", false)]
    public async Task RegisterFillEdit_AndSeeTheHistory(string culture, bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(RegisterFillEdit_AndSeeTheHistory)}-{culture}-{javaScript}", javaScript);
        Task CheckAsync() => javaScript ? session.AssertAccessibleAsync() : Task.CompletedTask;
        var number = PortalData.NewCorporateNumber();
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(await browser.App.CreateUserAsync());
            await page.GotoAsync($"/businesses?culture={culture}");
            await CheckAsync();
            await page.Locator("a[href='/businesses/register']").ClickAsync();
            await page.Locator("#CorporateNumber").FillAsync($"{number[..4]}-{number[4..9]}-{number[9..]}");
            await page.Locator("#Name").FillAsync("株式会社ブラウザ商事");
            await page.Locator("#NameKana").FillAsync("かぶしきがいしゃぶらうざしょうじ");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/businesses/*/profile");
            await CheckAsync();

            await page.Locator("a[href$='/profile/basics']").ClickAsync();
            await page.Locator("#Phone").FillAsync("03-1234-5678");
            await page.Locator("#PostalCode").FillAsync("１００－０００１");
            await page.Locator("[data-postal-lookup]").ClickAsync();
            // With JavaScript the page asks the API; without, the server fills the form: the same fields either way.
            await Assertions.Expect(page.Locator("#City")).ToHaveValueAsync("千代田区");
            Assert.Equal("13", await page.Locator("#PrefectureCode").InputValueAsync());
            Assert.Equal("千代田", await page.Locator("#Street").InputValueAsync());
            Assert.Equal("03-1234-5678", await page.Locator("#Phone").InputValueAsync());
            await page.Locator("#Street").FillAsync("千代田1-1");
            await CheckAsync();
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/businesses/*/profile");
            Assert.Contains("千代田区", await page.Locator("#basics-title + dl").InnerTextAsync(), StringComparison.Ordinal);

            await page.Locator("a[href$='/profile/basics']").ClickAsync();
            await page.Locator("#Phone").FillAsync("03-9999-0000");
            // Enter saves the form, with JavaScript and without (the lookup button must not be the default).
            await page.Locator("#Phone").PressAsync("Enter");
            await page.WaitForURLAsync("**/businesses/*/profile");
            await page.Locator("a[href$='/profile/history']").ClickAsync();
            await page.WaitForURLAsync("**/profile/history");
            await CheckAsync();
            var rows = await page.Locator("tbody tr").AllInnerTextsAsync();
            Assert.Contains(rows, row => row.Contains("03-1234-5678", StringComparison.Ordinal) && row.Contains("03-9999-0000", StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// The postal lookup never loses what was typed: a street that starts with the town stays whole, the empty prefecture
    /// and city are filled, and the page says so — with JavaScript (in the page) and without (the server's page).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostalLookup_KeepsTheTypedStreet_AndSaysWhatItFilled(bool javaScript)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(PostalLookup_KeepsTheTypedStreet_AndSaysWhatItFilled)}-{javaScript}", javaScript);
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner);
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/profile/basics?culture=ja");
            await page.Locator("#Street").FillAsync("梅田1-1-1 大阪ビル5階");
            await page.Locator("#PostalCode").FillAsync("530-0001");
            await page.Locator("[data-postal-lookup]").ClickAsync();

            await Assertions.Expect(page.Locator("#City")).ToHaveValueAsync("大阪市北区");
            Assert.Equal("27", await page.Locator("#PrefectureCode").InputValueAsync());
            Assert.Equal("梅田1-1-1 大阪ビル5階", await page.Locator("#Street").InputValueAsync());
            await Assertions.Expect(page.Locator("[data-postal-status]")).ToHaveTextAsync("郵便番号から都道府県、市区町村を入力しました。");
            if (javaScript)
            {
                await session.AssertAccessibleAsync();
            }
        });
    }

    /// <summary>
    /// On the industry page, the middle categories offered are those of the major chosen, and the minor ones those of
    /// the middle one; changing the major clears a middle category that no longer fits (and the minor under it).
    /// </summary>
    [Fact]
    public async Task IndustryPage_OffersOnlyTheCategoriesUnderTheOneChosen()
    {
        await using var session = await browser.NewSessionAsync(nameof(IndustryPage_OffersOnlyTheCategoriesUnderTheOneChosen));
        var reference = browser.App.Services.GetRequiredService<ReferenceCatalog>();
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner);   // E (manufacturing), middle 09
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/profile/industry?culture=ja");
            var middles = page.Locator("#IndustryMiddle option");
            var minors = page.Locator("#IndustryMinor option");

            await Assertions.Expect(middles).ToHaveCountAsync(1 + reference.Children("E").Count);
            Assert.Equal("09", await page.Locator("#IndustryMiddle").InputValueAsync());
            await page.Locator("#IndustryMiddle").SelectOptionAsync("19");
            await Assertions.Expect(minors).ToHaveCountAsync(1 + reference.Children("19").Count);

            await page.Locator("#IndustryMajor").SelectOptionAsync("G");
            await Assertions.Expect(middles).ToHaveCountAsync(1 + reference.Children("G").Count);
            Assert.Equal("", await page.Locator("#IndustryMiddle").InputValueAsync());
            var offered = await middles.EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
            Assert.Equal(["", .. reference.Children("G").Select(c => c.Code)], offered);
            await Assertions.Expect(minors).ToHaveCountAsync(1);

            await page.Locator("#IndustryMiddle").SelectOptionAsync("41");
            await page.Locator("#IndustryMinor").SelectOptionAsync(reference.Children("41")[0].Code);
            await session.AssertAccessibleAsync();
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/businesses/*/profile");
        });

        var saved = await browser.App.WithDbAsync(db => db.Businesses.AsNoTracking().SingleAsync(b => b.Id == business.Id));
        Assert.Equal(("G", "41", reference.Children("41")[0].Code), (saved.IndustryMajor, saved.IndustryMiddle, saved.IndustryMinor));
    }
}
