using Microsoft.Playwright;
using SmePlatform.TestSupport;

namespace SmePlatform.BrowserTests;

/// <summary>
/// One person's browser for one test. It records console errors (a CSP violation is one) and uncaught
/// script errors, checks pages with axe-core against WCAG 2.1 A and AA and the landmark rules, and saves a
/// screenshot when the test fails.
/// </summary>
public sealed class BrowserSession(string testName, IBrowserContext context, IPage page, bool javaScript) : IAsyncDisposable
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// axe's landmark rules (best practice, not WCAG tags): a page has one main, banner and footer, at the top level, and
    /// landmarks of one kind are told apart by their names (two regions both named 「実績報告の計画」 are not).
    /// </summary>
    private static readonly string[] LandmarkRules =
    [
        "landmark-unique", "landmark-one-main", "landmark-no-duplicate-main", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo",
        "landmark-main-is-top-level", "landmark-banner-is-top-level", "landmark-contentinfo-is-top-level", "landmark-complementary-is-top-level",
    ];
    private readonly List<string> _consoleErrors = [];
    private bool _listening;

    public IPage Page { get; } = page;

    /// <summary>Runs the test's steps; on failure a screenshot goes to artifacts/browser-screenshots.</summary>
    public async Task RunAsync(Func<IPage, Task> steps)
    {
        Listen();
        try
        {
            await steps(Page);
            Assert.True(_consoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", _consoleErrors));
        }
        catch
        {
            var folder = Path.Combine(RepositoryRoot(), "artifacts", "browser-screenshots");
            Directory.CreateDirectory(folder);
            try
            {
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{testName}.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The page is gone (the browser closed): the test's own failure is what matters.
            }

            throw;
        }
    }

    /// <summary>
    /// The axe-core violations of the page as it is now, one line each (empty when there are none).
    /// axe runs in the page (<c>axe.run</c>, WCAG 2.1 A and AA tags with no rule disabled, then the landmark rules) and only the violations
    /// come back, within 30 seconds: Playwright's Evaluate has no timeout of its own, and a page where axe
    /// cannot finish (JavaScript off) would otherwise hang the suite.
    /// </summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        if (!javaScript)
        {
            // Without JavaScript the page's timers never fire, so axe.run could never finish.
            throw new InvalidOperationException("axe-core needs JavaScript: check accessibility in a session with JavaScript on.");
        }

        await Page.WaitForLoadStateAsync(LoadState.Load);
        // As JSON text, read here: Playwright cannot make the record itself, and a violation must be told, not lost.
        var json = await Page.EvaluateAsync<string>(
            @"async ([source, tags, rules]) => {
                if (typeof window.axe === 'undefined') { (0, eval)(source); }
                const wcag = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                const landmarks = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
                return JSON.stringify([...wcag.violations, ...landmarks.violations].map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.html + ' ' + n.failureSummary) })));
            }",
            new object[] { AxeSource.Value, WcagTags, LandmarkRules }).WaitAsync(TimeSpan.FromSeconds(30));
        var violations = System.Text.Json.JsonSerializer.Deserialize<AxeViolation[]>(json, WebJson)!;
        return [.. violations.Select(v => $"{Page.Url} [{v.Id}] {v.Help}: {string.Join(" | ", v.Nodes)}")];
    }

    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record AxeViolation(string Id, string Help, string[] Nodes);

    /// <summary>The axe-core build that ships inside Deque.AxeCore.Commons (MPL-2.0).</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(Deque.AxeCore.Commons.AxeResult).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public async Task AssertAccessibleAsync()
    {
        var violations = await AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, "Accessibility violations:\n" + string.Join("\n", violations));
    }

    /// <summary>Whether the page fits the viewport without sideways scrolling (WCAG 1.4.10 reflow).</summary>
    public Task<bool> FitsWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public async Task SignInAsync(TestUser user)
    {
        await Page.GotoAsync("/account/login");
        await Page.Locator("#Email").FillAsync(user.Email);
        await Page.Locator("#Password").FillAsync(user.Password);
        await Page.Locator("main button[type=submit]").ClickAsync();
        if (user.AuthenticatorKey is not null)
        {
            await Page.Locator("#Code").FillAsync(user.CurrentCode());
            await Page.Locator("main button[type=submit]").ClickAsync();
        }

        // Signed in once the page after the form is parsed: its load event (images, fonts) is no part of signing in,
        // and on a busy machine it once took longer than the timeout.
        await Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private void Listen()
    {
        if (_listening)
        {
            return;
        }

        _listening = true;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{Page.Url}: {message.Text}");
            }
        };
        Page.PageError += (_, error) => _consoleErrors.Add($"{Page.Url}: {error}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SmePlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetTempPath();
    }
}
