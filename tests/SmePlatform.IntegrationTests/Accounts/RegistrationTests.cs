using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Accounts;

[Collection(nameof(PortalCollection))]
public class RegistrationTests(SmeAppFactory factory)
{
    private static Dictionary<string, string> Form(string email, string password, string? confirm = null) => new()
    {
        ["DisplayName"] = "中小 太郎",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Register_ConfirmByEmail_ThenSignIn_Works()
    {
        using var client = factory.CreatePortalClient();
        var email = $"new-{Guid.NewGuid():N}@test.example.jp";

        var done = await client.SubmitAsync(await client.GetAsync("/account/register"), Form(email, "a long and unusual passphrase"));
        Assert.Equal("/account/register/check-email", done.Url.AbsolutePath);

        // Before confirming, sign-in is refused with a message that says why.
        var early = await client.SignInAsync(email, "a long and unusual passphrase", null);
        Assert.Contains("メールアドレスの確認が済んでいません", early.ErrorFor("Email"), StringComparison.Ordinal);

        var link = factory.Mailbox.LatestLinkTo(email);
        // On the portal's configured public address, not the address the request came to.
        Assert.StartsWith(factory.PublicBaseUrl + "/account/confirm-email?", link, StringComparison.Ordinal);
        var confirmed = await client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal("メールアドレスを確認しました", confirmed.Text("h1"));

        var home = await client.SignInAsync(email, "a long and unusual passphrase", null);
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.NotNull(home.Document.QuerySelector("form[action='/account/logout']"));
    }

    [Fact]
    public async Task Register_WithCommonPassword_IsRefusedBesideThePasswordField_AndKeepsWhatWasTyped()
    {
        using var client = factory.CreatePortalClient();
        var email = $"common-{Guid.NewGuid():N}@test.example.jp";

        var page = await client.SubmitAsync(await client.GetAsync("/account/register"), Form(email, "qwerty123456"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("よく使われているため使えません", page.ErrorFor("Password"), StringComparison.Ordinal);
        Assert.Contains(page.ErrorSummary, message => message.Contains("よく使われている", StringComparison.Ordinal));
        Assert.Equal("#Password", page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(email, page.Document.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("true", page.Document.QuerySelector("#Password")!.GetAttribute("aria-invalid"));
        Assert.Contains("Password-error", page.Document.QuerySelector("#Password")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.StartsWith("エラー:", page.Document.Title, StringComparison.Ordinal);
        Assert.Empty(factory.Mailbox.MessagesTo(email));
    }

    [Theory]
    [InlineData("", "", "", "氏名を入力してください")]
    [InlineData("x", "not-an-email", "a long and unusual passphrase", "メールアドレスを name@example.jp の形式で入力してください")]
    [InlineData("x", "short@test.example.jp", "elevenchars", "パスワードは12文字以上で入力してください")]
    public async Task Register_WithBadInput_ShowsTheMessage(string name, string email, string password, string expected)
    {
        using var client = factory.CreatePortalClient();
        var form = Form(email, password);
        form["DisplayName"] = name;

        var page = await client.SubmitAsync(await client.GetAsync("/account/register"), form);

        Assert.Contains(page.ErrorSummary, message => message == expected);
    }

    [Fact]
    public async Task Register_Empty_ListsTheMessagesInTheOrderOfTheFields()
    {
        using var client = factory.CreatePortalClient();

        var empty = Form("", "");
        empty["DisplayName"] = "";

        var page = await client.SubmitAsync(await client.GetAsync("/account/register"), empty);

        var links = page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#DisplayName", "#Email", "#Password"], links);
    }

    [Fact]
    public async Task Register_WithMismatchedConfirmation_SaysSoBesideTheConfirmation()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.SubmitAsync(await client.GetAsync("/account/register"),
            Form($"m-{Guid.NewGuid():N}@test.example.jp", "a long and unusual passphrase", "a different long passphrase"));

        Assert.Contains("一致しません", page.ErrorFor("ConfirmPassword"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InEnglish_ShowsEnglishMessages()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.SubmitAsync(await client.GetAsync("/account/register?culture=en"), Form("", ""));

        Assert.Contains("Enter your email address", page.ErrorFor("Email"), StringComparison.Ordinal);
        Assert.Equal("There is a problem", page.Text(".error-summary-title"));
    }

    /// <summary>
    /// Registering an address that has an account answers exactly as for a new one; the address's owner is emailed
    /// instead, with the ways to sign in, and their account is unchanged.
    /// </summary>
    [Fact]
    public async Task Register_WithAnEmailAlreadyUsed_AnswersAsForANewOne_AndTellsTheOwnerByEmail()
    {
        var existing = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();

        var fresh = await client.SubmitAsync(await client.GetAsync("/account/register"), Form($"fresh-{Guid.NewGuid():N}@test.example.jp", "a long and unusual passphrase"));
        var taken = await client.SubmitAsync(await client.GetAsync("/account/register"), Form(existing.Email.ToUpperInvariant(), "a long and unusual passphrase"));

        Assert.Equal((HttpStatusCode.OK, "/account/register/check-email"), (taken.Status, taken.Url.AbsolutePath));
        Assert.Equal((fresh.Status, fresh.Url, fresh.Document.Title, fresh.Document.QuerySelector("main")!.OuterHtml),
            (taken.Status, taken.Url, taken.Document.Title, taken.Document.QuerySelector("main")!.OuterHtml));

        var told = Assert.Single(factory.Mailbox.MessagesTo(existing.Email));
        Assert.Equal("このメールアドレスでアカウントを作成しようとした人がいます / Someone tried to create an account with this email address", told.Subject);
        Assert.Equal([factory.PublicBaseUrl + "/account/login", factory.PublicBaseUrl + "/account/forgot-password"], Mailbox.Links(told).Distinct());
        var normalized = existing.Email.ToUpperInvariant();
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
        using var owner = factory.CreatePortalClient();
        Assert.Equal("/", (await owner.SignInAsync(existing)).Url.AbsolutePath);
    }

    /// <summary>An address registered but never confirmed gets a new confirmation link: the same email a new registration gets.</summary>
    [Fact]
    public async Task Register_AgainBeforeConfirming_SendsTheConfirmationAgain()
    {
        using var client = factory.CreatePortalClient();
        var email = $"twice-{Guid.NewGuid():N}@test.example.jp";

        await client.SubmitAsync(await client.GetAsync("/account/register"), Form(email, "a long and unusual passphrase"));
        var again = await client.SubmitAsync(await client.GetAsync("/account/register"), Form(email, "another long passphrase"));

        Assert.Equal("/account/register/check-email", again.Url.AbsolutePath);
        var messages = factory.Mailbox.MessagesTo(email);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, message => Assert.Equal("【中小企業支援プラットフォーム】メールアドレスの確認", message.Subject));
    }

    /// <summary>The password's rules speak for a taken address as for a new one: they come before the address is looked up.</summary>
    [Fact]
    public async Task Register_WithAnEmailAlreadyUsed_AndACommonPassword_GetsThePasswordMessageOnly()
    {
        var existing = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();

        var page = await client.SubmitAsync(await client.GetAsync("/account/register"), Form(existing.Email, "qwerty123456"));

        Assert.Contains("よく使われている", Assert.Single(page.ErrorSummary), StringComparison.Ordinal);
        Assert.Empty(factory.Mailbox.MessagesTo(existing.Email));
    }
}
