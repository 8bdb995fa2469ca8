using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmePlatform.TestSupport;
using SmePlatform.Web.Infrastructure.Email;

namespace SmePlatform.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port, and Debian's Chromium driven by Playwright (never a downloaded browser:
/// the machine has no internet). One of each for the whole assembly.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The portal, with no public address set: links in its emails use the address it listens on.</summary>
    public SmeAppFactory App { get; } = new() { PublicBaseUrl = null };

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        // The address the portal listens on, as its emails' links give it (no public address is set here).
        BaseUrl = new Uri(App.Services.GetRequiredService<PublicBaseUrl>().Value + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser profile (cookies, language) for one test.</summary>
    public async Task<BrowserSession> NewSessionAsync(string testName, bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "ja-JP",
        });
        // A step that cannot happen fails within 15 s with Playwright's message, instead of hanging the suite.
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return new BrowserSession(testName, context, await context.NewPageAsync(), javaScript);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
