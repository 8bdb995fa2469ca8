using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class RecommendationJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// An owner whose profile lacks the address and founding date opens the recommendations, answers the few
    /// questions (saved to the profile), sees the monozukuri demo subsidy eligible with its reasons, and applies; the
    /// measures the answers matched are one notice in the inbox: every page checked with axe-core, in both languages.
    /// </summary>
    [Theory]
    [InlineData("ja", "対象です", "従業員数 12人 ≤ 300人（中小企業）")]
    [InlineData("en", "Eligible", "12 employees ≤ 300 (SME)")]
    public async Task ProfileToRecommendationsToApply(string culture, string eligible, string reason)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(ProfileToRecommendationsToApply)}-{culture}");
        await session.RunAsync(async page =>
        {
            var owner = await browser.App.CreateUserAsync();
            var business = await browser.App.CreateBusinessAsync(owner);
            // The ownership the deemed-large test reads, as the ownership page would register it.
            await browser.App.WithDbAsync(db =>
            {
                db.Set<OfficerRecord>().Add(new OfficerRecord { BusinessId = business.Id, Name = "中小 太郎" });
                return db.SaveChangesAsync();
            });
            await session.SignInAsync(owner);

            await page.GotoAsync($"/recommendations?culture={culture}");
            await page.WaitForURLAsync($"**/businesses/{business.Id}/recommendations");
            await session.AssertAccessibleAsync();
            Assert.True(await session.FitsWidthAsync());

            await page.Locator("#PrefectureCode").SelectOptionAsync("13");
            await page.Locator("#FoundedOn").FillAsync("2016-04-01");
            await page.Locator("#questions-title ~ form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".alert-success");
            await session.AssertAccessibleAsync();
            Assert.Equal("13", await browser.App.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).Select(b => b.PrefectureCode).SingleAsync()));

            var card = page.Locator(".measure-card").Filter(new() { Has = page.Locator("a[href='/measures/monozukuri-2026']") });
            await Assertions.Expect(card.Locator(".verdict-badge")).ToHaveTextAsync(eligible);
            await Assertions.Expect(card.Locator(".reasons")).ToContainTextAsync(reason);
            // A measure without a form here offers its "how to apply" instead of a form that is not there.
            await Assertions.Expect(page.Locator(".measure-card a[href='/applications/new?measure=keiei-kyoka-zeisei']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".measure-card a[href='/measures/keiei-kyoka-zeisei#apply']")).ToHaveCountAsync(1);
            await card.Locator("a[href='/applications/new?measure=monozukuri-2026']").ClickAsync();
            await page.WaitForURLAsync("**/applications/new?measure=monozukuri-2026");
            await session.AssertAccessibleAsync();

            // The answers matched many measures at once: the inbox has one notice listing them.
            await browser.App.DeliverOutboxAsync(m => m.Channel == SmePlatform.Web.Data.Messaging.OutboxChannel.Match);
            await page.GotoAsync("/notices");
            var listing = page.Locator(".notice-list > li").Filter(new() { Has = page.Locator(".matched-measures") });
            await Assertions.Expect(listing).ToHaveCountAsync(1);
            Assert.True(await listing.Locator(".matched-measures > li").CountAsync() > 1);
            await session.AssertAccessibleAsync();
            Assert.True(await session.FitsWidthAsync());
        });
    }

    /// <summary>The public quick check with a bad value: the error beside its field, then the verdicts, accessible in both languages.</summary>
    [Theory]
    [InlineData("ja", "小規模事業者")]
    [InlineData("en", "Small-scale")]
    public async Task QuickCheck_ErrorThenVerdicts(string culture, string smallScale)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(QuickCheck_ErrorThenVerdicts)}-{culture}");
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/eligibility-check?culture={culture}");
            await session.AssertAccessibleAsync();
            await page.Locator("#legalForm").SelectOptionAsync("corporation");
            await page.Locator("#industry").SelectOptionAsync("E");
            await page.Locator("#employees").FillAsync("-3");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
            await session.AssertAccessibleAsync();

            await page.Locator("#employees").FillAsync("12");
            await page.Locator("#capitalYen").FillAsync("10000000");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("#class-title");
            await Assertions.Expect(page.Locator("#class-title")).ToContainTextAsync(smallScale);
            await session.AssertAccessibleAsync();
            Assert.True(await session.FitsWidthAsync());
        });
    }
}
