using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

/// <summary>Forms sent back with errors: the summary takes focus, links to the field, and the page stays accessible.</summary>
[Collection(nameof(BrowserCollection))]
public class FormErrorTests(BrowserFixture browser)
{
    public static TheoryData<string, string, string> Forms => new()
    {
        { "/account/register", "ja", "anonymous" },
        { "/account/register", "en", "anonymous" },
        { "/account/login", "ja", "anonymous" },
        { "/account/login", "en", "anonymous" },
        { "/account/forgot-password", "ja", "anonymous" },
        { "/account/forgot-password", "en", "anonymous" },
        { "/admin/staff/new", "ja", "administrator" },
        { "/admin/staff/new", "en", "administrator" },
        { "/account/manage/change-password", "ja", "administrator" },
        { "/account/manage/change-password", "en", "administrator" },
        { "/admin/measures/new", "ja", "administrator" },
        { "/admin/measures/new", "en", "administrator" },
        { "/admin/measures/import", "ja", "administrator" },
        { "/admin/measures/import", "en", "administrator" },
        { "/businesses/register", "ja", "business" },
        { "/businesses/register", "en", "business" },
        { "/businesses/{businessId}/profile/financials", "ja", "owner" },
        { "/businesses/{businessId}/profile/financials", "en", "owner" },
        { "/businesses/{businessId}/profile/ownership", "ja", "owner" },
        { "/businesses/{businessId}/profile/ownership", "en", "owner" },
        { "/businesses/{businessId}/members", "ja", "owner" },
        { "/businesses/{businessId}/members", "en", "owner" },
        { "/businesses/{businessId}/consents", "ja", "owner" },
        { "/businesses/{businessId}/consents", "en", "owner" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields(string path, string culture, string who)
    {
        await using var session = await browser.NewSessionAsync(
            $"{nameof(EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields)}{path.Replace('/', '-').Replace("{businessId}", "b", StringComparison.Ordinal)}-{culture}");
        await session.RunAsync(async page =>
        {
            if (who == "administrator")
            {
                await session.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Administrator], twoFactor: true));
            }
            else if (who == "business")
            {
                await session.SignInAsync(await browser.App.CreateUserAsync());
            }
            else if (who == "owner")
            {
                var owner = await browser.App.CreateUserAsync();
                var business = await browser.App.CreateBusinessAsync(owner);
                await session.SignInAsync(owner);
                path = path.Replace("{businessId}", business.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            await page.GotoAsync($"{path}?culture={culture}");
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await page.WaitForSelectorAsync(".error-summary");

            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('error-summary')"));
            await session.AssertAccessibleAsync();

            var firstLink = page.Locator(".error-summary a").First;
            var target = (await firstLink.GetAttributeAsync("href"))!;
            await firstLink.ClickAsync();
            Assert.Equal(target.TrimStart('#'), await page.EvaluateAsync<string>("() => document.activeElement.id"));
        });
    }
}
