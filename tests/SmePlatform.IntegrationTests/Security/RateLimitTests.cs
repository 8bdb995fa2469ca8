using System.Net;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Security;

[Collection(nameof(PortalCollection))]
public class RateLimitTests(SmeAppFactory factory)
{
    [Fact]
    public async Task SignInAttempts_PastTheLimit_Get429_ForThatAccountOnly()
    {
        using var client = factory.CreatePortalClient();
        var login = await client.GetAsync("/account/login");
        var token = login.AntiforgeryToken;
        var target = $"target-{Guid.NewGuid():N}@test.example.jp";

        // Without a password: every request counts here, while no failed sign-in is made (failures are throttled
        // besides, by SignInThrottlingTests' rules, which would answer first).
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt <= SmeAppFactory.AuthenticationPermitLimit; attempt++)
        {
            var response = await client.PostWithoutFollowingAsync("/account/login", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Email"] = target,
                ["Password"] = "",
            });
            statuses.Add(response.StatusCode);
            last?.Dispose();
            last = response;
        }

        Assert.All(statuses.Take(SmeAppFactory.AuthenticationPermitLimit), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // When to try again, and the way back to the form.
        var seconds = last!.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.InRange(seconds ?? 0, 1, 60);
        var html = await last.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/account/login\"", html, StringComparison.Ordinal);
        last.Dispose();

        // Another person at the same address is not blocked.
        var other = await factory.CreateUserAsync();
        using var otherClient = factory.CreatePortalClient();
        Assert.Equal("/", (await otherClient.SignInAsync(other)).Url.AbsolutePath);
    }

    [Fact]
    public async Task TooManyRequestsPage_IsFriendly()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/error/429");

        Assert.Equal("試行回数が多すぎます", page.Text("h1"));
    }
}
