using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.BrowserTests;

/// <summary>
/// Every page the app's endpoints declare, in Japanese and in English, anonymous, as staff holding every role, or
/// (a business's pages) as its owner: zero axe-core WCAG 2.1 A/AA and landmark violations, no resource key in the text
/// as the browser shows it (after scripts), no console or CSP error, and no sideways scrolling at 320 px.
/// </summary>
[Collection(nameof(BrowserCollection))]
public class EveryPageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task EveryPage_IsAccessible_AndReflowsAt320Pixels(string culture)
    {
        var staff = await browser.App.CreateUserAsync([.. StaffRoles.All.Select(r => r.Name)], twoFactor: true);
        var owner = await browser.App.CreateUserAsync();
        var business = await browser.App.CreateBusinessAsync(owner);
        // Another staff member, whose roles page the administrator opens.
        var reviewer = await browser.App.CreateUserAsync([StaffRoles.Reviewer]);
        // An open invitation for the staff member, so that the invitation page is seen as its invitee sees it.
        var token = $"sweep-{culture}-{Guid.NewGuid():N}";
        await browser.App.WithDbAsync(async db =>
        {
            db.BusinessInvitations.Add(new SmePlatform.Web.Data.Businesses.BusinessInvitation
            {
                BusinessId = business.Id,
                Email = staff.Email.ToLowerInvariant(),
                TokenHash = SmePlatform.Web.Features.Businesses.MembersController.Hash(token),
                InvitedByUserId = owner.Id,
                CreatedAtUtc = DateTime.UtcNow,
                ExpiresAtUtc = DateTime.UtcNow.AddDays(7),
            });
            return await db.SaveChangesAsync();
        });
        await using var anonymous = await browser.NewSessionAsync($"{nameof(EveryPage_IsAccessible_AndReflowsAt320Pixels)}-{culture}-anonymous", width: 320);
        await using var signedIn = await browser.NewSessionAsync($"{nameof(EveryPage_IsAccessible_AndReflowsAt320Pixels)}-{culture}-staff", width: 320);
        await using var ownerSession = await browser.NewSessionAsync($"{nameof(EveryPage_IsAccessible_AndReflowsAt320Pixels)}-{culture}-owner", width: 320);
        var application = await browser.App.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var routes = PortalRoutes.Pages(browser.App.Services, new Dictionary<string, string>
        {
            ["businessId"] = business.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["applicationId"] = application.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["token"] = token,
            ["userId"] = reviewer.Id,
        })
            .Where(r => !r.IsDownload).ToList();
        var problems = new List<string>();

        await signedIn.RunAsync(async _ =>
        {
            await signedIn.SignInAsync(staff);
            await ownerSession.RunAsync(async _ =>
            {
                await ownerSession.SignInAsync(owner);
                await anonymous.RunAsync(async _ =>
                {
                    foreach (var route in routes)
                    {
                        var session = route.Anonymous ? anonymous : route.BusinessScoped ? ownerSession : signedIn;
                        var response = await session.Page.GotoAsync($"{route.Path}?culture={culture}");
                        if (route.BusinessScoped && response?.Status != 200)
                        {
                            problems.Add($"{route}: {response?.Status} for the business's owner");
                        }

                        Assert.Equal(culture, await session.Page.GetAttributeAsync("html", "lang"));
                        problems.AddRange(await session.AccessibilityViolationsAsync());
                        problems.AddRange(ResourceKeys.In(await session.Page.InnerTextAsync("body")).Select(key => $"{route}: shows the resource key {key}"));
                        if (!await session.FitsWidthAsync())
                        {
                            problems.Add($"{route}: wider than 320 px");
                        }
                    }
                });
            });
        });

        Assert.True(routes.Count >= 15, $"Only {routes.Count} pages were found.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
