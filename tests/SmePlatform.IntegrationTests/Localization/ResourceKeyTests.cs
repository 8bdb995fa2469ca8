using System.Globalization;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Localization;

/// <summary>
/// No page shows a resource key ("Dashboard.Column.flags") where a text belongs: every page the app's endpoints
/// declare, in both languages, as every kind of person who uses the portal.
/// </summary>
[Collection(nameof(PortalCollection))]
public class ResourceKeyTests(SmeAppFactory factory)
{
    [Theory]
    [InlineData("You see Dashboard.Column.flags here", "Dashboard.Column.flags")]
    [InlineData("Questionnaire.Title", "Questionnaire.Title")]
    [InlineData("1 measure found", null)]
    [InlineData("docs/applications.md, demo.example.jp, ASP.NET, 計画書.pdf, e.g. 1.5", null)]
    public void ResourceKeys_AreFoundInText(string text, string? key)
    {
        Assert.Equal(key is null ? [] : [key], ResourceKeys.In(text));
    }

    [Fact]
    public async Task EveryPage_ForEveryRole_InBothLanguages_ShowsNoResourceKey()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        var member = await factory.CreateUserAsync();
        await factory.AddMemberAsync(business, member);
        var application = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var samples = new Dictionary<string, string>
        {
            ["businessId"] = business.Id.ToString(CultureInfo.InvariantCulture),
            ["applicationId"] = application.ToString(CultureInfo.InvariantCulture),
        };

        var people = new List<(string Role, PortalClient Client)> { ("visitor", factory.CreatePortalClient()) };
        foreach (var (role, user) in new[] { ("owner", owner), ("member", member) })
        {
            var client = factory.CreatePortalClient();
            await client.SignInAsync(user);
            people.Add((role, client));
        }

        foreach (var roles in new[] { [StaffRoles.Reviewer], [StaffRoles.Reviewer, StaffRoles.Supervisor], [StaffRoles.Analyst], new[] { StaffRoles.Administrator } })
        {
            people.Add((string.Join('+', roles), await factory.CreateSignedInStaffClientAsync(roles)));
        }

        var routes = PortalRoutes.Pages(factory.Services, samples).Where(r => !r.IsDownload).ToList();
        var problems = new List<string>();
        foreach (var (role, client) in people)
        {
            using var _ = client;
            foreach (var culture in new[] { "ja", "en" })
            {
                foreach (var route in routes)
                {
                    var separator = route.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    var page = await client.GetAsync($"{route.Path}{separator}culture={culture}");
                    problems.AddRange(ResourceKeys.ShownIn(page.Document).Distinct().Select(key => $"{role} {culture} {route}: {key}"));
                }
            }
        }

        Assert.True(routes.Count >= 15, $"Only {routes.Count} pages were found.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
