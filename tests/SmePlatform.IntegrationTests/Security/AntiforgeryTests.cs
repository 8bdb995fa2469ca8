using System.Net;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>Every form target of the portal, found from its endpoints, refuses a POST without an antiforgery token.</summary>
[Collection(nameof(PortalCollection))]
public class AntiforgeryTests(SmeAppFactory factory)
{
    [Fact]
    public async Task EveryPost_WithoutAToken_IsRefused()
    {
        var staff = await factory.CreateUserAsync([.. StaffRoles.All.Select(r => r.Name)], twoFactor: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(staff);
        var targets = PortalRoutes.FormTargets(factory.Services);
        Assert.NotEmpty(targets);

        var accepted = new List<string>();
        foreach (var target in targets)
        {
            var response = await client.PostWithoutFollowingAsync(target.Path, new Dictionary<string, string> { ["Email"] = staff.Email });
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"{target} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(accepted);
        Assert.Contains(targets, t => t.Path == "/account/login");
        Assert.Contains(targets, t => t.Path == "/admin/staff/new");
    }
}
