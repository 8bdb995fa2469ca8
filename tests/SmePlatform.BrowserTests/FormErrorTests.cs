using SmePlatform.TestSupport;
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
        { "/businesses/{businessId}/applications/{applicationId}/sections/plan", "ja", "owner" },
        { "/businesses/{businessId}/applications/{applicationId}/sections/plan", "en", "owner" },
        { "/businesses/{businessId}/applications/{applicationId}/expenses", "ja", "owner" },
        { "/businesses/{businessId}/applications/{applicationId}/expenses", "en", "owner" },
        { "/businesses/{businessId}/recommendations", "ja", "owner" },
        { "/businesses/{businessId}/recommendations", "en", "owner" },
        { "/self-check/try", "ja", "anonymous" },
        { "/self-check/try", "en", "anonymous" },
        { "/admin/self-check/industries/A/SalesGrowth", "ja", "administrator" },
        { "/admin/self-check/industries/A/SalesGrowth", "en", "administrator" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields(string path, string culture, string who)
    {
        await using var session = await browser.NewSessionAsync(
            $"{nameof(EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields)}{path.Replace('/', '-').Replace("{businessId}", "b", StringComparison.Ordinal).Replace("{applicationId}", "a", StringComparison.Ordinal)}-{culture}");
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
                if (path.Contains("{applicationId}", StringComparison.Ordinal))
                {
                    var application = await browser.App.CreateApplicationAsync(business, owner);
                    path = path.Replace("{applicationId}", application.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }
            }

            await page.GotoAsync($"{path}?culture={culture}");
            // The form's default button (an application step's Save and continue), else its first.
            var defaultButton = page.Locator("main form [data-default-submit]");
            await (await defaultButton.CountAsync() > 0 ? defaultButton : page.Locator("main form button[type=submit]")).First.ClickAsync();
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
