using Microsoft.Playwright;
using SmePlatform.TestSupport;

namespace SmePlatform.BrowserTests;

[Collection(nameof(BrowserCollection))]
public class AccountJourneyTests(BrowserFixture browser)
{
    /// <summary>
    /// A new visitor registers, confirms by the emailed link, signs in (the home page says to register the business
    /// next), turns on two-factor sign-in and signs in again with a code, checked with axe-core at every step.
    /// </summary>
    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task Visitor_Registers_Confirms_TurnsOnTwoFactor_AndSignsInWithACode(string culture)
    {
        var email = $"journey-{culture}-{Guid.NewGuid():N}@test.example.jp";
        const string password = "my journey passphrase";
        await using var session = await browser.NewSessionAsync($"{nameof(Visitor_Registers_Confirms_TurnsOnTwoFactor_AndSignsInWithACode)}-{culture}");
        await session.RunAsync(async page =>
        {
            await page.GotoAsync($"/?culture={culture}");
            await page.Locator("main a[href='/account/register']").ClickAsync();
            await session.AssertAccessibleAsync();
            await page.Locator("#DisplayName").FillAsync("旅程 花子");
            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync(password);
            await page.Locator("#ConfirmPassword").FillAsync(password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/account/register/check-email");
            await session.AssertAccessibleAsync();

            // The link is on the address the portal listens on (no public address is configured): followed as it is.
            var link = browser.App.Mailbox.LatestLinkTo(email);
            Assert.StartsWith(browser.BaseUrl + "account/confirm-email?", link, StringComparison.Ordinal);
            await page.GotoAsync(link);
            await session.AssertAccessibleAsync();
            await page.Locator("main a[href='/account/login']").ClickAsync();

            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync(password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            // The first sign-in says what comes next: registering the business.
            await Assertions.Expect(page.Locator("#next-step-title")).ToBeVisibleAsync();
            Assert.Equal(1, await page.Locator("section[aria-labelledby=next-step-title] a[href='/businesses/register']").CountAsync());
            await session.AssertAccessibleAsync();

            await page.GotoAsync("/account/manage/two-factor");
            await session.AssertAccessibleAsync();
            await page.Locator("main a[href='/account/manage/two-factor/authenticator']").ClickAsync();
            await session.AssertAccessibleAsync();
            var key = await page.Locator(".shared-key").InnerTextAsync();
            await page.Locator("#Code").FillAsync(Totp.CodeFor(key));
            await page.Locator("main button[type=submit]").ClickAsync();
            Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
            await session.AssertAccessibleAsync();

            await page.Locator("form[action='/account/logout'] button").ClickAsync();
            await page.GotoAsync("/account/login");
            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync(password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync("**/account/login/two-factor**");
            await session.AssertAccessibleAsync();
            await page.Locator("#Code").FillAsync(Totp.CodeFor(key));
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            Assert.Equal(1, await page.Locator("form[action='/account/logout']").CountAsync());
        });
    }

    /// <summary>The skip link comes first, and a person signs in with the keyboard alone.</summary>
    [Fact]
    public async Task Keyboard_SkipLinkFirst_ThenSignInWithoutAMouse()
    {
        var user = await browser.App.CreateUserAsync();
        await using var session = await browser.NewSessionAsync(nameof(Keyboard_SkipLinkFirst_ThenSignInWithoutAMouse));
        await session.RunAsync(async page =>
        {
            await page.GotoAsync("/account/login");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("本文へ移動", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

            // From the top of the main content, Tab reaches the email field first.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Email", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.TypeAsync(user.Email);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(user.Password);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        });
    }

    /// <summary>Nothing needs JavaScript: sign-in and the language switch work with it turned off.</summary>
    [Fact]
    public async Task WithoutJavaScript_SignInAndLanguageSwitchWork()
    {
        var user = await browser.App.CreateUserAsync();
        await using var session = await browser.NewSessionAsync(nameof(WithoutJavaScript_SignInAndLanguageSwitchWork), javaScript: false);
        await session.RunAsync(async page =>
        {
            await page.GotoAsync("/account/login");
            await page.Locator("form.language-switch button").ClickAsync();
            Assert.Equal("Sign in", await page.Locator("h1").InnerTextAsync());

            await page.Locator("main button[type=submit]").ClickAsync();
            Assert.Equal("There is a problem", await page.Locator(".error-summary-title").InnerTextAsync());

            await page.Locator("#Email").FillAsync(user.Email);
            await page.Locator("#Password").FillAsync(user.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            Assert.Equal("Sign out", await page.Locator("form[action='/account/logout'] button").InnerTextAsync());
        });
    }

    /// <summary>A CSP violation is a console error, and a console error fails a browser test.</summary>
    [Fact]
    public async Task InlineScript_IsBlockedByTheContentSecurityPolicy_AndReported()
    {
        await using var session = await browser.NewSessionAsync(nameof(InlineScript_IsBlockedByTheContentSecurityPolicy_AndReported));
        var failure = await Record.ExceptionAsync(() => session.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); }");
            await page.WaitForTimeoutAsync(200);
            Assert.False(await page.EvaluateAsync<bool>("() => window.__ran === true"));
        }));

        Assert.IsType<Xunit.Sdk.TrueException>(failure);
        Assert.Contains("Console errors", failure.Message, StringComparison.Ordinal);
        Assert.Contains(session.ConsoleErrors, error => error.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
