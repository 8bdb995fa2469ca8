using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

/// <summary>Forms sent back with errors: the summary takes focus, links to the field, and the page stays accessible.</summary>
[Collection(nameof(BrowserCollection))]
public class FormErrorTests(BrowserFixture browser)
{
    public static TheoryData<string, string, bool> Forms => new()
    {
        { "/account/register", "ja", false },
        { "/account/register", "en", false },
        { "/account/login", "ja", false },
        { "/account/login", "en", false },
        { "/account/forgot-password", "ja", false },
        { "/account/forgot-password", "en", false },
        { "/admin/staff/new", "ja", true },
        { "/admin/staff/new", "en", true },
        { "/account/manage/change-password", "ja", true },
        { "/account/manage/change-password", "en", true },
        { "/admin/measures/new", "ja", true },
        { "/admin/measures/new", "en", true },
        { "/admin/measures/import", "ja", true },
        { "/admin/measures/import", "en", true },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields(string path, string culture, bool asAdministrator)
    {
        await using var session = await browser.NewSessionAsync($"{nameof(EmptyForm_FocusesTheErrorSummary_WhoseLinksReachTheFields)}{path.Replace('/', '-')}-{culture}");
        await session.RunAsync(async page =>
        {
            if (asAdministrator)
            {
                await session.SignInAsync(await browser.App.CreateUserAsync([StaffRoles.Administrator], twoFactor: true));
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
