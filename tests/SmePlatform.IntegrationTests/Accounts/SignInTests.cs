using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Accounts;

[Collection(nameof(PortalCollection))]
public class SignInTests(SmeAppFactory factory)
{
    /// <summary>
    /// A new business user lands on the home page after signing in: it says the next step is registering the business,
    /// and links to it. Once they belong to a business, and for staff, it says nothing of it.
    /// </summary>
    [Fact]
    public async Task FirstSignIn_WithoutABusiness_LandsOnAHomePageSayingToRegisterItNext()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();

        var landed = await client.SignInAsync(user);

        Assert.Equal("/", landed.Url.AbsolutePath);
        Assert.Equal("次は、事業者を登録してください", landed.Text("#next-step-title"));
        Assert.Equal("事業者を登録する", landed.Text("section[aria-labelledby=next-step-title] a[href='/businesses/register']"));
        var english = await client.GetAsync("/?culture=en");
        Assert.Equal("Next, register your business", english.Text("#next-step-title"));

        await factory.CreateBusinessAsync(user);
        Assert.Null((await client.GetAsync("/")).Document.QuerySelector("#next-step-title"));
        using var staff = await factory.CreateSignedInStaffClientAsync(SmePlatform.Web.Data.StaffRoles.Reviewer);
        Assert.Null((await staff.GetAsync("/")).Document.QuerySelector("#next-step-title"));
        using var visitor = factory.CreatePortalClient();
        Assert.Null((await visitor.GetAsync("/")).Document.QuerySelector("#next-step-title"));
    }

    [Fact]
    public async Task TurnOnTwoFactor_ThenSignInAgain_AsksForTheCode()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user);

        var setup = await client.GetAsync("/account/manage/two-factor/authenticator");
        var key = setup.Text(".shared-key");
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", key);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);

        var wrong = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = "000000" == Totp.CodeFor(key) ? "111111" : "000000" });
        Assert.Contains("確認コードが正しくありません", wrong.ErrorFor("Code"), StringComparison.Ordinal);

        var codes = await client.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(key) });
        Assert.Equal(10, codes.Document.QuerySelectorAll(".recovery-codes li").Length);

        await client.PostAsync("/account/logout", Token(await client.GetAsync("/")));
        var login = await client.SubmitAsync(await client.GetAsync("/account/login"),
            new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal("/account/login/two-factor", login.Url.AbsolutePath);

        // Codes are typed with spaces and full-width digits too.
        var code = Totp.CodeFor(key);
        var typed = string.Concat(code[..3].Select(c => (char)(c - '0' + '０'))) + " " + code[3..];
        var home = await client.SubmitAsync(login, new Dictionary<string, string> { ["Code"] = typed });
        Assert.Equal("/", home.Url.AbsolutePath);
    }

    [Fact]
    public async Task RecoveryCode_SignsIn_OnceOnly()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user);
        var setup = await client.GetAsync("/account/manage/two-factor/authenticator");
        var codes = await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(setup.Text(".shared-key")) });
        var recovery = codes.Text(".recovery-codes li");

        for (var use = 1; use <= 2; use++)
        {
            using var other = factory.CreatePortalClient();
            var login = await other.SubmitAsync(await other.GetAsync("/account/login"),
                new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });
            var page = await other.SubmitAsync(await other.GetAsync("/account/login/recovery-code"), new Dictionary<string, string> { ["RecoveryCode"] = recovery });
            if (use == 1)
            {
                Assert.Equal("/", page.Url.AbsolutePath);
            }
            else
            {
                Assert.Equal("リカバリーコードが正しくありません", page.ErrorFor("RecoveryCode"));
            }

            Assert.Equal("/account/login/two-factor", login.Url.AbsolutePath);
        }
    }

    [Fact]
    public async Task ReturnUrl_OutsideThePortal_IsIgnored()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();

        var login = await client.GetAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        var page = await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = user.Password });

        Assert.Equal("localhost", page.Url.Host);
        Assert.Equal("/", page.Url.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_WithTheWrongCurrentPassword_SaysSoBesideIt_ThenWorksWithTheRightOne()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user);
        var form = await client.GetAsync("/account/manage/change-password");

        var wrong = await client.SubmitAsync(form, new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password at all",
            ["NewPassword"] = "a brand new long passphrase",
            ["ConfirmPassword"] = "a brand new long passphrase",
        });
        Assert.Contains("現在のパスワードが正しくありません", wrong.ErrorFor("CurrentPassword"), StringComparison.Ordinal);
        Assert.Null(wrong.ErrorFor("NewPassword"));

        var done = await client.SubmitAsync(wrong, new Dictionary<string, string>
        {
            ["CurrentPassword"] = user.Password,
            ["NewPassword"] = "a brand new long passphrase",
            ["ConfirmPassword"] = "a brand new long passphrase",
        });
        Assert.Equal("パスワードを変更しました。ほかの端末からはログアウトしました。", done.Text(".notice"));

        using var fresh = factory.CreatePortalClient();
        Assert.Equal("/", (await fresh.SignInAsync(user.Email, "a brand new long passphrase", null)).Url.AbsolutePath);
    }

    private static Dictionary<string, string> Token(Page page) => new()
    {
        ["__RequestVerificationToken"] = page.AntiforgeryToken,
    };
}
