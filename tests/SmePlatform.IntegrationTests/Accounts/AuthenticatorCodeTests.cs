using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Accounts;

/// <summary>An authenticator code is accepted once for its person (issue 20, item 4): a second use is a wrong code.</summary>
[Collection(nameof(PortalCollection))]
public class AuthenticatorCodeTests(SmeAppFactory factory)
{
    private const string WrongCode = "確認コードが正しくありません";

    [Fact]
    public async Task TheSameCode_PostedTwice_IsRefusedTheSecondTime_AsAWrongCode()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        var code = Totp.CodeFor(reviewer.AuthenticatorKey!);
        using var first = factory.CreatePortalClient();
        using var second = factory.CreatePortalClient();

        var signedIn = await first.SubmitAsync(await PasswordStepAsync(first, reviewer), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/", signedIn.Url.AbsolutePath);

        var again = await second.SubmitAsync(await PasswordStepAsync(second, reviewer), new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/account/login/two-factor", again.Url.AbsolutePath);
        Assert.Contains(WrongCode, again.ErrorFor("Code"), StringComparison.Ordinal);

        // The next code of the app is accepted.
        var next = await second.SubmitAsync(again, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(reviewer.AuthenticatorKey!) });
        Assert.Equal("/", next.Url.AbsolutePath);
    }

    [Fact]
    public async Task TheCodeThatTurnedTheAppOn_CannotSignIn()
    {
        var owner = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var setup = await client.GetAsync("/account/manage/two-factor/authenticator");
        var code = Totp.CodeFor(setup.Text(".shared-key"));
        var codes = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(10, codes.Document.QuerySelectorAll(".recovery-codes li").Length);
        await client.PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = (await client.GetAsync("/")).AntiforgeryToken });

        var page = await client.SubmitAsync(await PasswordStepAsync(client, owner), new Dictionary<string, string> { ["Code"] = code });

        Assert.Equal("/account/login/two-factor", page.Url.AbsolutePath);
        Assert.Contains(WrongCode, page.ErrorFor("Code"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameCode_PostedTwiceAtOnce_SignsInOnce()
    {
        var analyst = await factory.CreateUserAsync([StaffRoles.Analyst], twoFactor: true);
        var code = Totp.CodeFor(analyst.AuthenticatorKey!);
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreatePortalClient()).ToList();
        try
        {
            var steps = new List<Page>();
            foreach (var client in clients)
            {
                steps.Add(await PasswordStepAsync(client, analyst));
            }

            var pages = await Task.WhenAll(clients.Select((client, i) => client.SubmitAsync(steps[i], new Dictionary<string, string> { ["Code"] = code })));

            Assert.Single(pages, page => page.Url.AbsolutePath == "/");
            Assert.Equal(3, pages.Count(page => page.ErrorFor("Code")?.Contains(WrongCode, StringComparison.Ordinal) == true));
            Assert.Equal(1, await factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == analyst.Id)));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static async Task<Page> PasswordStepAsync(PortalClient client, TestUser user)
    {
        var page = await client.SubmitAsync(await client.GetAsync("/account/login"), new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal("/account/login/two-factor", page.Url.AbsolutePath);
        return page;
    }
}
