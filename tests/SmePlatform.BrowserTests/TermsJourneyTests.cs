using Microsoft.Playwright;
using SmePlatform.TestSupport;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class TermsJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// A small-scale manufacturer (12 employees) applies to ものづくり補助金, whose rate is 1/2 but 2/3 for small-scale
    /// businesses: on the expenses step it chooses its track and a top-up, and the check page names the row that applies
    /// and caps ¥9,000,000 of eligible cost at ¥6,000,000 (2/3), refusing one yen more. Both languages, with axe-core,
    /// at 390 px wide.
    /// </summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task ASmallScaleFirm_SeesItsOwnRateAndCap_AndTheRowThatApplies(string culture)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(ASmallScaleFirm_SeesItsOwnRateAndCap_AndTheRowThatApplies)}-{culture}", javaScript: true);
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner, verified: true);
        await browser.App.CompleteProfileAsync(business.Id);
        var applicationId = await browser.App.CreateApplicationAsync(business, owner);
        var ja = culture == "ja";
        await session.RunAsync(async page =>
        {
            await page.SetViewportSizeAsync(390, 844);
            await session.SignInAsync(owner);
            await page.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}/expenses?culture={culture}");
            await session.AssertAccessibleAsync();

            // No track yet: the step asks for one beside the field.
            await page.Locator("[data-default-submit]").ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(ja ? "申請する枠を選択してください" : "Select the track you apply under");
            await session.AssertAccessibleAsync();

            await page.Locator("#Track").SelectOptionAsync("product");
            await page.Locator("input[name=TopUps][value=wage-jump]").CheckAsync();
            await page.Locator("#ProjectStart").FillAsync("2027-01-04");
            await page.Locator("#ProjectEnd").FillAsync("2027-09-30");
            await page.Locator("#Lines_0__Category").SelectOptionAsync("Machinery");
            await page.Locator("#Lines_0__Description").FillAsync("NC旋盤");
            await page.Locator("#Lines_0__Vendor").FillAsync("株式会社サンプル機械");
            await page.Locator("#Lines_0__AmountYen").FillAsync("9,000,000");
            await page.Locator("#RequestedYen").FillAsync("6,000,001");
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/check");
            await session.AssertAccessibleAsync();
            Assert.True(await session.FitsWidthAsync());

            var terms = page.Locator(".applied-terms");
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "製品・サービス高付加価値化枠" : "Higher-value products and services track");
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "小規模事業者" : "Small-scale businesses");
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "6〜20人" : "6 to 20");
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "2/3以内" : "up to 2/3");
            // The wage top-up raises the 6–20 maximum of 10,000,000 by 2,500,000, and its commitment is said.
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "12,500,000円" : "¥12,500,000");
            await Assertions.Expect(terms).ToContainTextAsync(ja ? "給与支給総額を年平均6.0%以上" : "total wages by 6.0% a year");
            var failed = page.Locator(".checks .check-failed");
            await Assertions.Expect(failed).ToContainTextAsync(ja ? "上限 6,000,000円" : "limit ¥6,000,000");
            await Assertions.Expect(page.Locator("form[data-submit-once]")).ToHaveCountAsync(0);

            await page.GotoAsync($"/businesses/{business.Id}/applications/{applicationId}/expenses?culture={culture}");
            await page.Locator("#RequestedYen").FillAsync("6,000,000");
            await page.Locator("[data-default-submit]").ClickAsync();
            await page.WaitForURLAsync("**/check");
            await Assertions.Expect(page.Locator(".checks")).ToContainTextAsync(ja ? "申請額 6,000,000円 ≤ 上限 6,000,000円" : "Amount requested ¥6,000,000 ≤ limit ¥6,000,000");
        });
    }

    /// <summary>The terms editor refuses two rows that apply to the same business, beside the row, in both languages, accessibly.</summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task TheTermsEditor_RefusesOverlappingRows_BesideTheRow(string culture)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(TheTermsEditor_RefusesOverlappingRows_BesideTheRow)}-{culture}", javaScript: true);
        var measure = await browser.App.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Draft);
        await session.RunAsync(async page =>
        {
            await session.SignInAsync(await browser.App.CreateUserAsync([Web.Data.StaffRoles.Administrator], twoFactor: true));
            await page.GotoAsync($"/admin/measures/{measure.Id}/terms?culture={culture}");
            await session.AssertAccessibleAsync();
            await page.Locator("#Rows_0__Rate").FillAsync("1/2");
            await page.Locator("#Rows_0__MaxYen").FillAsync("1000000");
            await page.Locator("#Rows_1__MinEmployees").FillAsync("10");
            await page.Locator("#Rows_1__Rate").FillAsync("2/3");
            await page.Locator("#Rows_1__MaxYen").FillAsync("2000000");
            await page.Locator("main form button[value=save]:not([hidden])").ClickAsync();

            await page.WaitForSelectorAsync(".error-summary");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
            await Assertions.Expect(page.Locator("#Rows_1__Track-error")).ToContainTextAsync(culture == "ja" ? "行1と行2は同じ事業者に当てはまります" : "Rows 1 and 2 apply to the same business");
            await Assertions.Expect(page.Locator("#Rows_1__MaxYen")).ToHaveValueAsync("2000000");
            await session.AssertAccessibleAsync();
            await page.Locator(".error-summary a").First.ClickAsync();
            Assert.Equal("Rows_1__Track", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });
    }
}
