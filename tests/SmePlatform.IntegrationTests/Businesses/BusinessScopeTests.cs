using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

/// <summary>
/// A person of business A asking for any page or form of business B gets 404. The routes come from the app's
/// endpoints (every template with {businessId}), so a new business page is covered the day it is added.
/// </summary>
[Collection(nameof(PortalCollection))]
public class BusinessScopeTests(SmeAppFactory factory)
{
    [Fact]
    public async Task EveryBusinessRoute_OfAnotherBusiness_Is404()
    {
        var ownerA = await factory.CreateUserAsync();
        var ownerB = await factory.CreateUserAsync();
        var a = await factory.CreateBusinessAsync(ownerA);
        var b = await factory.CreateBusinessAsync(ownerB);
        var grantOfB = new ConsentGrant
        {
            BusinessId = b.Id,
            PartnerId = 1,
            Group = ItemGroup.Basics,
            Purpose = "相談",
            GrantedAtUtc = DateTime.UtcNow,
            GrantedByUserId = ownerB.Id,
            ExpiresAtUtc = DateTime.UtcNow.AddDays(30),
        };
        await factory.WithDbAsync(async db =>
        {
            db.ConsentGrants.Add(grantOfB);
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(ownerA);
        var grantId = grantOfB.Id.ToString(CultureInfo.InvariantCulture);
        var applicationOfA = (await factory.CreateApplicationAsync(a, ownerA, returnedForCorrection: true)).ToString(CultureInfo.InvariantCulture);
        var applicationOfB = (await factory.CreateApplicationAsync(b, ownerB, returnedForCorrection: true)).ToString(CultureInfo.InvariantCulture);
        var ofB = new Dictionary<string, string> { ["businessId"] = b.Id.ToString(CultureInfo.InvariantCulture), ["grantId"] = grantId, ["applicationId"] = applicationOfB };
        var attachmentOfA = await factory.WithDbAsync(db => db.ApplicationAttachments.Where(x => x.ApplicationId == int.Parse(applicationOfA, CultureInfo.InvariantCulture)).Select(x => x.Id).FirstAsync());
        var ofA = new Dictionary<string, string>
        {
            ["businessId"] = a.Id.ToString(CultureInfo.InvariantCulture),
            ["applicationId"] = applicationOfA,
            ["attachmentId"] = attachmentOfA.ToString(CultureInfo.InvariantCulture),
        };
        var pages = PortalRoutes.Pages(factory.Services, ofB).Where(r => r.BusinessScoped).ToList();
        var forms = PortalRoutes.FormTargets(factory.Services, ofB).Where(r => r.BusinessScoped).ToList();
        Assert.NotEmpty(pages);
        Assert.NotEmpty(forms);

        var leaks = new List<string>();
        foreach (var page in pages)
        {
            var answer = await client.GetAsync(page.Path);
            if (answer.Status != HttpStatusCode.NotFound)
            {
                leaks.Add($"{page} answered {(int)answer.Status}");
            }
        }

        // Forms are posted with a valid token (taken from A's own profile), so only the business check can refuse them.
        var token = (await client.GetAsync($"/businesses/{a.Id}/profile/basics")).AntiforgeryToken;
        foreach (var form in forms)
        {
            var answer = await client.PostWithoutFollowingAsync(form.Path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "乗っ取り" });
            if (answer.StatusCode != HttpStatusCode.NotFound)
            {
                leaks.Add($"{form} answered {(int)answer.StatusCode}");
            }
        }

        Assert.Empty(leaks);
        // The same pages of A's own business answer, so the 404s above are about B.
        foreach (var own in PortalRoutes.Pages(factory.Services, ofA).Where(r => r.BusinessScoped))
        {
            Assert.True((await client.GetAsync(own.Path)).Status == HttpStatusCode.OK, $"{own} of A's own business");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/businesses/999999/profile")).Status);
        // B's record reached through A's own business is still not A's.
        var throughA = await client.PostWithoutFollowingAsync($"/businesses/{a.Id}/consents/{grantId}/revoke", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, throughA.StatusCode);
        // So is B's application: every page and form of it, asked for under A's own business.
        var bApplicationThroughA = new Dictionary<string, string>(ofA) { ["applicationId"] = applicationOfB };
        foreach (var route in PortalRoutes.Pages(factory.Services, bApplicationThroughA).Where(r => r.Path.Contains("/applications/" + applicationOfB, StringComparison.Ordinal)))
        {
            Assert.True((await client.GetAsync(route.Path)).Status == HttpStatusCode.NotFound, $"{route} of B's application answered under A");
        }

        foreach (var route in PortalRoutes.FormTargets(factory.Services, bApplicationThroughA).Where(r => r.Path.Contains("/applications/" + applicationOfB, StringComparison.Ordinal)))
        {
            var answer = await client.PostWithoutFollowingAsync(route.Path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["idempotencyKey"] = "x" });
            Assert.True(answer.StatusCode == HttpStatusCode.NotFound, $"{route} of B's application answered {(int)answer.StatusCode} under A");
        }
    }
}
