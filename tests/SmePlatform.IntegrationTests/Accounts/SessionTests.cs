using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Accounts;

/// <summary>
/// Sign-ins are kept on the server (issue 20, item 1): a cookie is only a key to a row, so signing out, a password
/// change, a reset, a two-factor change and "sign out" on the sessions page end it for every copy of the cookie.
/// </summary>
[Collection(nameof(PortalCollection))]
public class SessionTests(SmeAppFactory factory)
{
    public const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string SafariOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task CookieCopiedBeforeSignOut_DoesNotWorkAfterIt_NeitherOnPagesNorTheApi()
    {
        var supervisor = await factory.CreateUserAsync([StaffRoles.Supervisor], twoFactor: true);
        var (client, cookies) = CookieClient(factory);
        using var _ = client;
        await client.SignInAsync(supervisor);
        var copied = cookies.GetCookies(new Uri("http://localhost"))["sme.auth"]!.Value;
        using var thief = Replaying(factory, copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(new Uri("/review", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync(new Uri("/api/v1/stats/applications", UriKind.Relative))).StatusCode);

        await client.PostAsync("/account/logout", Token(await client.GetAsync("/")));

        var page = await thief.GetAsync(new Uri("/review", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync(new Uri("/api/v1/stats/applications", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await SessionCountAsync(supervisor.Id));
    }

    [Fact]
    public async Task PasswordChange_EndsTheOtherSignIn_ButNotTheOneThatChangedIt()
    {
        var owner = await factory.CreateUserAsync();
        using var here = factory.CreatePortalClient();
        using var elsewhere = factory.CreatePortalClient();
        await here.SignInAsync(owner);
        await elsewhere.SignInAsync(owner);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/account/manage")).Status);

        var done = await here.SubmitAsync(await here.GetAsync("/account/manage/change-password"), new Dictionary<string, string>
        {
            ["CurrentPassword"] = owner.Password,
            ["NewPassword"] = "another long passphrase here",
            ["ConfirmPassword"] = "another long passphrase here",
        });

        Assert.Equal("/account/manage", done.Url.AbsolutePath);
        Assert.Equal("パスワードを変更しました。ほかの端末からはログアウトしました。", done.Text(".notice"));
        Assert.Equal("/account/manage", (await here.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal("/account/login", (await elsewhere.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal(1, await SessionCountAsync(owner.Id));
    }

    [Fact]
    public async Task PasswordReset_EndsEverySignIn()
    {
        var owner = await factory.CreateUserAsync();
        using var signedIn = factory.CreatePortalClient();
        await signedIn.SignInAsync(owner);
        using var visitor = factory.CreatePortalClient();
        await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = owner.Email });
        await factory.DeliverOutboxAsync(m => m.RecipientUserId == owner.Id);
        var reset = await visitor.GetAsync(new Uri(factory.Mailbox.LatestLinkTo(owner.Email)).PathAndQuery);

        var done = await visitor.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "a reset long passphrase", ["ConfirmPassword"] = "a reset long passphrase" });

        Assert.Equal("/account/reset-password/done", done.Url.AbsolutePath);
        Assert.Equal("/account/login", (await signedIn.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal(0, await SessionCountAsync(owner.Id));
    }

    [Fact]
    public async Task TurningOnTwoFactor_EndsTheOtherSignIns_AndKeepsThisOne()
    {
        var owner = await factory.CreateUserAsync();
        using var here = factory.CreatePortalClient();
        using var elsewhere = factory.CreatePortalClient();
        await here.SignInAsync(owner);
        await elsewhere.SignInAsync(owner);

        var setup = await here.GetAsync("/account/manage/two-factor/authenticator");
        var codes = await here.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(setup.Text(".shared-key")) });

        Assert.Equal(10, codes.Document.QuerySelectorAll(".recovery-codes li").Length);
        Assert.Equal("/account/manage", (await here.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal("/account/login", (await elsewhere.GetAsync("/account/manage")).Url.AbsolutePath);
    }

    [Fact]
    public async Task SessionsPage_ListsBothSignIns_AndSignsTheOtherOneOut()
    {
        var owner = await factory.CreateUserAsync();
        using var windows = factory.CreatePortalClient();
        using var iPhone = factory.CreatePortalClient();
        windows.Http.DefaultRequestHeaders.UserAgent.ParseAdd(ChromeOnWindows);
        iPhone.Http.DefaultRequestHeaders.UserAgent.ParseAdd(SafariOnIPhone);
        await windows.SignInAsync(owner);
        await iPhone.SignInAsync(owner);

        var manage = await windows.GetAsync("/account/manage");
        Assert.NotNull(manage.Document.QuerySelector("main a[href='/account/manage/sessions']"));
        var page = await windows.GetAsync("/account/manage/sessions");

        Assert.Equal("ログインしている端末 2件", page.Text("caption"));
        var rows = page.Document.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        var current = Assert.Single(rows, row => row.QuerySelector(".this-device") is not null);
        Assert.StartsWith("Chrome（Windows）", current.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
        var other = Assert.Single(rows, row => row != current);
        Assert.Equal("Safari（iPhone）", other.QuerySelector("td")!.TextContent.Trim());
        // The test server gives no client address (ClientNetworkTests covers what is kept of one).
        Assert.Equal("不明", other.QuerySelectorAll("td")[1].TextContent.Trim());
        var signedInAt = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.Id == Guid.Parse(current.GetAttribute("data-session")!)).Select(s => s.CreatedAtUtc).SingleAsync());
        Assert.EndsWith(Domain.Time.JapanTime.FromUtc(signedInAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), current.QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);
        var english = await windows.GetAsync("/account/manage/sessions?culture=en");
        Assert.Equal("2 signed-in devices", english.Text("caption"));
        Assert.Contains("Safari on iPhone", english.Text("tbody"), StringComparison.Ordinal);
        Assert.Contains("This device", english.Text("tbody"), StringComparison.Ordinal);

        var otherId = other.GetAttribute("data-session")!;
        page = await windows.GetAsync("/account/manage/sessions?culture=ja");
        var after = await windows.SubmitAsync(page, new Dictionary<string, string>(), $"form[data-end='{otherId}']");

        Assert.Equal("/account/manage/sessions", after.Url.AbsolutePath);
        Assert.Equal("Safari（iPhone）からログアウトしました。", after.Text(".notice"));
        Assert.Single(after.Document.QuerySelectorAll("tbody tr"));
        Assert.Equal("/account/login", (await iPhone.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal("/account/manage", (await windows.GetAsync("/account/manage")).Url.AbsolutePath);
    }

    [Fact]
    public async Task AnotherPersonsSignIn_CannotBeEnded()
    {
        var victim = await factory.CreateUserAsync();
        using var victimClient = factory.CreatePortalClient();
        await victimClient.SignInAsync(victim);
        var victimSession = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == victim.Id).Select(s => s.Id).SingleAsync());
        var attacker = await factory.CreateUserAsync();
        using var attackerClient = factory.CreatePortalClient();
        await attackerClient.SignInAsync(attacker);
        var token = (await attackerClient.GetAsync("/account/manage/sessions")).AntiforgeryToken;

        foreach (var (id, expected) in new[] { (victimSession.ToString(), HttpStatusCode.NotFound), (Guid.NewGuid().ToString(), HttpStatusCode.NotFound), ("not-a-session", HttpStatusCode.BadRequest), ("", HttpStatusCode.BadRequest) })
        {
            var answer = await attackerClient.PostWithoutFollowingAsync("/account/manage/sessions/end", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["session"] = id,
            });
            Assert.Equal(expected, answer.StatusCode);
        }

        Assert.Equal("/account/manage", (await victimClient.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal(1, await SessionCountAsync(victim.Id));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySignIn_ThisOneToo()
    {
        var owner = await factory.CreateUserAsync();
        using var here = factory.CreatePortalClient();
        using var elsewhere = factory.CreatePortalClient();
        await here.SignInAsync(owner);
        await elsewhere.SignInAsync(owner);
        var page = await here.GetAsync("/account/manage/sessions");

        var landed = await here.SubmitAsync(page, new Dictionary<string, string>(), "form[action='/account/manage/sessions/end-all']");

        Assert.Equal("/account/login", landed.Url.AbsolutePath);
        Assert.Equal("すべての端末からログアウトしました。続けるには、もう一度ログインしてください。", landed.Text(".notice"));
        Assert.Equal("/account/login", (await here.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal("/account/login", (await elsewhere.GetAsync("/account/manage")).Url.AbsolutePath);
        Assert.Equal(0, await SessionCountAsync(owner.Id));
    }

    [Fact]
    public async Task SigningOutThisDevice_FromTheList_SignsOut()
    {
        var owner = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var page = await client.GetAsync("/account/manage/sessions");
        var id = page.Document.QuerySelector("tr.current-session")!.GetAttribute("data-session")!;

        var landed = await client.SubmitAsync(page, new Dictionary<string, string>(), $"form[data-end='{id}']");

        Assert.Equal("/account/login", landed.Url.AbsolutePath);
        Assert.Equal("この端末からログアウトしました。", landed.Text(".notice"));
        Assert.Equal(0, await SessionCountAsync(owner.Id));
    }

    [Fact]
    public async Task TheStoredSignIn_KeepsOnlyACoarseDeviceAndNetwork()
    {
        var owner = await factory.CreateUserAsync();
        var (client, cookies) = CookieClient(factory);
        using var _ = client;
        client.Http.DefaultRequestHeaders.UserAgent.ParseAdd(ChromeOnWindows);
        await client.SignInAsync(owner);
        var cookie = cookies.GetCookies(new Uri("http://localhost"))["sme.auth"]!.Value;

        var row = await factory.WithDbAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == owner.Id));

        Assert.Equal(("Chrome", "Windows"), (row.Browser, row.Platform));
        Assert.Null(row.AbsoluteExpiresAtUtc);
        Assert.Equal(64, row.KeyHash.Length);
        // The cookie is a key, not the ticket: the claims live in the row only, and not readable there either.
        Assert.True(cookie.Length < 600, $"The cookie is {cookie.Length} characters long.");
        Assert.DoesNotContain(owner.Email, System.Text.Encoding.UTF8.GetString(row.Ticket), StringComparison.Ordinal);
    }

    /// <summary>A step posted after the sign-in was ended on another device is kept across signing in again (FormRescue).</summary>
    [Fact]
    public async Task AStepPosted_AfterTheSignInWasEndedElsewhere_IsKeptAcrossSigningInAgain()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        using var here = factory.CreatePortalClient();
        using var elsewhere = factory.CreatePortalClient();
        await here.SignInAsync(owner);
        await elsewhere.SignInAsync(owner);
        var plan = await here.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/sections/plan");
        await elsewhere.SubmitAsync(await elsewhere.GetAsync("/account/manage/sessions"), new Dictionary<string, string>(), "form[action='/account/manage/sessions/end-all']");

        var next = await here.Http.PostAsync(new Uri(plan.Document.QuerySelector("main form")!.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = plan.AntiforgeryToken,
            ["Answers.theme"] = "別の端末でログアウトされても消えない計画名",
            ["intent"] = "next",
        }));

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Frescued-forms%2Flatest", next.Headers.Location!.ToString());
        await here.SignInAsync(owner);
        var rescued = await here.GetAsync("/rescued-forms/latest");
        Assert.Equal("別の端末でログアウトされても消えない計画名", rescued.Document.QuerySelector("input[name='Answers.theme']")!.GetAttribute("value"));
    }

    public static (PortalClient Client, System.Net.CookieContainer Cookies) CookieClient(SmeAppFactory factory)
    {
        var cookies = new System.Net.CookieContainer();
        return (new PortalClient(factory.CreateDefaultClient(new CookieContainerHandler(cookies))), cookies);
    }

    /// <summary>A client that sends the copied cookie with every request, as someone who took it would.</summary>
    public static HttpClient Replaying(SmeAppFactory factory, string cookie)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"sme.auth={cookie}");
        return client;
    }

    private Task<int> SessionCountAsync(string userId) => factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId));

    private static Dictionary<string, string> Token(Page page) => new() { ["__RequestVerificationToken"] = page.AntiforgeryToken };
}
