using System.Net;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// Failed sign-ins are throttled per client address, for the whole portal and per email address typed; an account
/// waits rather than locks, so nobody without its password can keep its owner out, and the owner hears of it once.
/// </summary>
[Collection(nameof(SignInCollection))]
public class SignInThrottlingTests
{
    private const string WrongPassword = "not the password at all";

    private readonly SignInPortal _portal;

    /// <summary>Each test starts with the failures of the others out of the portal-wide window.</summary>
    public SignInThrottlingTests(SignInPortal portal)
    {
        _portal = portal;
        portal.Clock.Advance(TimeSpan.FromSeconds(SignInPortal.GlobalWindowSeconds + 1));
    }

    [Fact]
    public async Task TwentyFailures_FromOneAddress_OnDistinctAccounts_ThenTheAddressWaits_WhileAnotherAddressSignsIn()
    {
        var network = _portal.NewNetwork();
        using var attacker = _portal.CreateClientAt(network);
        for (var attempt = 1; attempt <= SignInPortal.AddressLimit; attempt++)
        {
            var failed = await attacker.SignInAsync(NewEmail(), WrongPassword, null);
            Assert.Equal(HttpStatusCode.OK, failed.Status);
            Assert.Equal("メールアドレスまたはパスワードが正しくありません", failed.ErrorFor("Email"));
        }

        var refused = await attacker.SignInAsync(NewEmail(), WrongPassword, null);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("/account/login", refused.Url.AbsolutePath);
        Assert.Equal(["このネットワークからのログインの試行が多すぎます。5分後にもう一度お試しください"], refused.ErrorSummary);
        Assert.Equal("300", refused.Response.Headers.GetValues("Retry-After").Single());

        // The address waits whoever signs in from it (no password is checked there): the same /64 network too.
        var user = await _portal.CreateUserAsync();
        using var sameNetwork = _portal.CreateClientAt(network[..network.LastIndexOf(':')] + ":7");
        var waiting = await sameNetwork.SignInAsync(user);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.Status);
        Assert.Equal("/account/login", waiting.Url.AbsolutePath);

        // Another address is not held up by it.
        using var elsewhere = _portal.CreateClientAt(_portal.NewNetwork());
        Assert.Equal("/", (await elsewhere.SignInAsync(user)).Url.AbsolutePath);
    }

    [Fact]
    public async Task FailuresAcrossThePortal_PastTheCeiling_SlowEveryoneDown_WithAMessageSayingSo_UntilTheWindowPasses()
    {
        for (var attempt = 1; attempt <= SignInPortal.GlobalLimit; attempt++)
        {
            using var client = _portal.CreateClientAt(_portal.NewNetwork());
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(NewEmail(), WrongPassword, null)).Status);
        }

        // Everyone waits now, the right password or not, from any address: and is told why, in their language.
        var user = await _portal.CreateUserAsync();
        using var someone = _portal.CreateClientAt(_portal.NewNetwork());
        var refused = await someone.SignInAsync(user);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(["ただいまログインの試行が集中しているため、すべての方に少しお待ちいただいています。1分後にもう一度お試しください"], refused.ErrorSummary);
        await someone.GetAsync("/?culture=en");
        var english = await someone.SignInAsync(user);
        Assert.Equal(HttpStatusCode.TooManyRequests, english.Status);
        Assert.Equal(["The portal is receiving too many sign-in attempts right now, so everyone is asked to wait a little. Try again in 1 minute"], english.ErrorSummary);

        _portal.Clock.Advance(TimeSpan.FromSeconds(SignInPortal.GlobalWindowSeconds));
        Assert.Equal("/", (await someone.SignInAsync(user)).Url.AbsolutePath);
    }

    /// <summary>
    /// Five wrong passwords make a staff account wait 1 s, then 2 s: not a lock of 15 minutes anyone can renew. Attempts
    /// during the wait are refused without counting; the right password after the wait gets in; the owner is emailed
    /// once for the run, however long it goes on.
    /// </summary>
    [Fact]
    public async Task WrongPasswords_MakeTheAccountWaitLongerEachTime_TheRightPasswordAfterTheWaitGetsIn_AndTheOwnerIsToldOnce()
    {
        var staff = await _portal.CreateUserAsync([StaffRoles.Supervisor]);
        using var client = _portal.CreateClientAt(_portal.NewNetwork());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal("メールアドレスまたはパスワードが正しくありません", (await client.SignInAsync(staff.Email, WrongPassword, null)).ErrorFor("Email"));
        }

        var early = await client.SignInAsync(staff);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.Status);
        Assert.Equal(["ログインの試行が多すぎます。1秒後にもう一度お試しください"], early.ErrorSummary);
        Assert.Equal("1", early.Response.Headers.GetValues("Retry-After").Single());

        _portal.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(staff.Email, WrongPassword, null)).Status);
        var longer = await client.SignInAsync(staff);
        Assert.Equal(HttpStatusCode.TooManyRequests, longer.Status);
        Assert.Equal(["ログインの試行が多すぎます。2秒後にもう一度お試しください"], longer.ErrorSummary);

        // From another address too: the wait belongs to the account.
        using var elsewhere = _portal.CreateClientAt(_portal.NewNetwork());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await elsewhere.SignInAsync(staff)).Status);

        _portal.Clock.Advance(TimeSpan.FromSeconds(2));
        var home = await client.SignInAsync(staff);
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.NotNull(home.Document.QuerySelector("form[action='/account/logout']"));

        // Signing in ended the run: the next wrong password is a plain failure again.
        using var later = _portal.CreateClientAt(_portal.NewNetwork());
        Assert.Equal(HttpStatusCode.OK, (await later.SignInAsync(staff.Email, WrongPassword, null)).Status);

        await _portal.DeliverOutboxAsync(m => m.RecipientUserId == staff.Id);
        var told = Assert.Single(_portal.Mailbox.MessagesTo(staff.Email));
        Assert.Equal("ログインの失敗が続いています / Failed sign-ins to your account", told.Subject);
        Assert.Contains("続けて5回", told.TextBody, StringComparison.Ordinal);
        Assert.Contains(_portal.PublicBaseUrl + "/account/forgot-password", Mailbox.Links(told));
    }

    /// <summary>A new password set through the emailed link proves the address: the wait ends at once.</summary>
    [Fact]
    public async Task ANewPasswordByEmail_EndsTheWait()
    {
        var user = await _portal.CreateUserAsync();
        using var client = _portal.CreateClientAt(_portal.NewNetwork());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync(user.Email, WrongPassword, null);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignInAsync(user)).Status);
        await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = user.Email });
        await _portal.DeliverOutboxAsync(m => m.RecipientUserId == user.Id);
        var link = _portal.Mailbox.MessagesTo(user.Email).SelectMany(Mailbox.Links).First(l => l.Contains("/account/reset-password", StringComparison.Ordinal));
        var reset = await client.GetAsync(new Uri(link).PathAndQuery);
        await client.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "my fresh reset passphrase", ["ConfirmPassword"] = "my fresh reset passphrase" });

        // The clock has not moved: without the reset, the account would still wait.
        Assert.Equal("/", (await client.SignInAsync(user.Email, "my fresh reset passphrase", null)).Url.AbsolutePath);
    }

    /// <summary>An address without an account waits exactly like one with: the wait tells nothing.</summary>
    [Fact]
    public async Task AnAddressWithoutAnAccount_WaitsLikeOneWith_AndNobodyIsEmailed()
    {
        var user = await _portal.CreateUserAsync();
        var nobody = NewEmail();
        using var client = _portal.CreateClientAt(_portal.NewNetwork());
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync(user.Email, WrongPassword, null);
            await client.SignInAsync(nobody, WrongPassword, null);
        }

        var known = await client.SignInAsync(user.Email, WrongPassword, null);
        var unknown = await client.SignInAsync(nobody, WrongPassword, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, known.Status);
        Assert.Equal(Accounts.AccountEnumerationTests.Comparable(known), Accounts.AccountEnumerationTests.Comparable(unknown));
        await _portal.DeliverOutboxAsync(m => m.Template == AccountThrottle.OwnerNoticeTemplate);
        Assert.Empty(_portal.Mailbox.MessagesTo(nobody));
    }

    private static string NewEmail() => $"stuffed-{Guid.NewGuid():N}@test.example.jp";
}
