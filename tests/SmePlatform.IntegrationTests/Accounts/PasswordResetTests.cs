using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Accounts;

[Collection(nameof(PortalCollection))]
public class PasswordResetTests(SmeAppFactory factory)
{
    [Fact]
    public async Task ForgotPassword_EmailsALink_ThatSetsANewPassword_AfterFailedSignIns()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(user.Email, "wrong password here", null);
        }

        var done = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = user.Email });
        Assert.Equal("/account/forgot-password/check-email", done.Url.AbsolutePath);

        // Sent by the outbox after the request, in both languages, with a link made when it is sent (no token stored).
        var queued = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientUserId == user.Id && m.Template == "PasswordReset"));
        Assert.DoesNotContain("code", queued.Link + queued.Arguments, StringComparison.Ordinal);
        await factory.DeliverOutboxAsync(m => m.RecipientUserId == user.Id);
        var email = Assert.Single(factory.Mailbox.MessagesTo(user.Email), m => m.Subject == "パスワードの再設定 / Reset your password");
        var link = Mailbox.Links(email)[0];
        Assert.Equal(link, Mailbox.Links(email)[1]);
        Assert.StartsWith(factory.PublicBaseUrl + "/account/reset-password?", link, StringComparison.Ordinal);
        var reset = await client.GetAsync(new Uri(link).PathAndQuery);
        var common = await client.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "1qaz2wsx3edc", ["ConfirmPassword"] = "1qaz2wsx3edc" });
        Assert.Contains("よく使われている", common.ErrorFor("Password"), StringComparison.Ordinal);

        var finished = await client.SubmitAsync(common, new Dictionary<string, string> { ["Password"] = "my fresh reset passphrase", ["ConfirmPassword"] = "my fresh reset passphrase" });
        Assert.Equal("/account/reset-password/done", finished.Url.AbsolutePath);

        Assert.Equal("/", (await client.SignInAsync(user.Email, "my fresh reset passphrase", null)).Url.AbsolutePath);
    }

    [Fact]
    public async Task ForgotPassword_ForAnUnknownAddress_AnswersTheSame_AndSendsNothing()
    {
        using var client = factory.CreatePortalClient();
        var email = $"nobody-{Guid.NewGuid():N}@test.example.jp";

        var done = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = email });
        var user = await factory.CreateUserAsync();
        var known = await client.SubmitAsync(await client.GetAsync("/account/forgot-password"), new Dictionary<string, string> { ["Email"] = user.Email });

        Assert.Equal("/account/forgot-password/check-email", done.Url.AbsolutePath);
        Assert.Equal((known.Status, known.Url, known.Document.QuerySelector("main")!.OuterHtml), (done.Status, done.Url, done.Document.QuerySelector("main")!.OuterHtml));
        Assert.Empty(factory.Mailbox.MessagesTo(email));
    }

    [Fact]
    public async Task ResetPassword_WithATamperedLink_SaysTheLinkIsNotValid()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();

        var reset = await client.GetAsync($"/account/reset-password?userId={user.Id}&code=bm90LWEtdG9rZW4");
        var page = await client.SubmitAsync(reset, new Dictionary<string, string> { ["Password"] = "my fresh reset passphrase", ["ConfirmPassword"] = "my fresh reset passphrase" });

        Assert.Contains(page.ErrorSummary, message => message.Contains("リンクは無効", StringComparison.Ordinal));
    }
}
