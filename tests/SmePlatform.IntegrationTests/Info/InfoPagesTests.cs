using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Configuration;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Info;

namespace SmePlatform.IntegrationTests.Info;

/// <summary>
/// The pages a public service owes its users (about, terms of use, privacy policy, accessibility statement, contact):
/// in both languages, linked from the footer of every page, and the privacy policy true to what the portal does.
/// </summary>
[Collection(nameof(PortalCollection))]
public class InfoPagesTests(SmeAppFactory factory)
{
    [Theory]
    [InlineData("/about", "ja", "このサイトについて")]
    [InlineData("/about", "en", "About this site")]
    [InlineData("/terms", "ja", "利用規約")]
    [InlineData("/terms", "en", "Terms of use")]
    [InlineData("/privacy", "ja", "プライバシーポリシー")]
    [InlineData("/privacy", "en", "Privacy policy")]
    [InlineData("/accessibility", "ja", "アクセシビリティ")]
    [InlineData("/accessibility", "en", "Accessibility")]
    [InlineData("/contact", "ja", "お問合せ")]
    [InlineData("/contact", "en", "Contact")]
    public async Task EachPage_IsThereForAVisitor_InBothLanguages(string path, string culture, string title)
    {
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"{path}?culture={culture}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(title, page.Text("main h1"));
        Assert.StartsWith(title, page.Document.Title, StringComparison.Ordinal);
        Assert.True(page.Document.QuerySelectorAll("main h2").Length >= 2, "The page has no sections.");
    }

    [Fact]
    public async Task EveryPage_LinksThemAllFromItsFooter()
    {
        using var visitor = factory.CreatePortalClient();
        var routes = PortalRoutes.Pages(factory.Services).Where(r => r.Anonymous && !r.IsDownload).ToList();

        var missing = new List<string>();
        foreach (var route in routes)
        {
            var page = await visitor.GetAsync(route.Path);
            var links = page.Document.QuerySelectorAll("footer nav a").Select(a => a.GetAttribute("href")).ToList();
            missing.AddRange(InfoPages.Keys.Where(key => !links.Contains($"/{key}")).Select(key => $"{route}: no link to /{key}"));
        }

        Assert.True(routes.Count >= 10, $"Only {routes.Count} pages were found.");
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Theory]
    [InlineData("ja", "JIS X 8341-3:2016", "AA")]
    [InlineData("en", "JIS X 8341-3:2016", "AA")]
    public async Task AccessibilityStatement_GivesTheStandardAndLevel_AndHowToReportAProblem(string culture, string standard, string level)
    {
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"/accessibility?culture={culture}");

        var text = page.Text("main");
        Assert.Contains(standard, text, StringComparison.Ordinal);
        Assert.Contains(level, text, StringComparison.Ordinal);
        Assert.Contains("WCAG 2.1", text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/contact']"));
    }

    /// <summary>
    /// Without an address (the tests' configuration), no page sends people to one: the contact page, the accessibility
    /// statement and the privacy policy all say there is no office, and how else to ask.
    /// </summary>
    [Theory]
    [InlineData("/contact", "ja", "実施機関にお問い合わせください")]
    [InlineData("/accessibility", "ja", "実施機関にお問い合わせください")]
    [InlineData("/privacy", "ja", "実施機関にお問い合わせください")]
    [InlineData("/accessibility", "en", "ask the agency named under “Contact” on the measure's page")]
    public async Task WithoutAnAddress_EveryPageThatSaysWhereToWrite_SaysThereIsNoOffice_AndHowElseToAsk(string path, string culture, string elsewhere)
    {
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"{path}?culture={culture}");

        Assert.NotNull(page.Document.QuerySelector("main [data-no-contact]"));
        Assert.Contains(elsewhere, page.Text("main [data-contact-elsewhere]"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main a[href^='mailto:']"));
    }

    /// <summary>
    /// With an address (the Development configuration gives the demonstration's, marked as such), the contact page, the
    /// accessibility statement and the privacy policy give the same one.
    /// </summary>
    [Fact]
    public async Task WithAnAddress_TheContactPage_AccessibilityStatement_AndPrivacyPolicy_GiveTheSameOne_MarkedAsTheDemos()
    {
        using var configured = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Site:ContactEmail", "contact@demo.example.jp");
            builder.UseSetting("Site:ContactIsDemo", "true");
        });
        using var visitor = new PortalClient(configured.CreateClient(new() { AllowAutoRedirect = false }));

        foreach (var path in new[] { "/contact", "/accessibility", "/privacy" })
        {
            foreach (var culture in new[] { "ja", "en" })
            {
                var page = await visitor.GetAsync($"{path}?culture={culture}");

                Assert.Equal("mailto:contact@demo.example.jp", page.Document.QuerySelector("main [data-contact-address] a")?.GetAttribute("href"));
                Assert.Contains(culture == "ja" ? "デモンストレーション用のアドレス" : "the demonstration's address", page.Text("main [data-contact-demo]"), StringComparison.Ordinal);
                Assert.Null(page.Document.QuerySelector("main [data-no-contact]"));
            }
        }
    }

    [Fact]
    public void TheDevelopmentConfiguration_GivesTheDemonstrationsContactAddress_MarkedAsTheDemos()
    {
        // The file as the repository holds it (the copy beside the tests is only as fresh as the last build).
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmePlatform.sln")))
        {
            root = root.Parent;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root!.FullName, "src", "SmePlatform.Web", "appsettings.Development.json"), optional: false)
            .Build();
        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>();

        Assert.Equal("contact@demo.example.jp", site?.ContactEmail);
        Assert.True(site?.ContactIsDemo);
    }

    [Theory]
    [InlineData("ja", "個人情報保護法")]
    [InlineData("en", "Act on the Protection of Personal Information")]
    public async Task Privacy_NamesTheLaw_TheOwnersRights_AndWhereToAsk(string culture, string law)
    {
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"/privacy?culture={culture}");

        Assert.Contains(law, page.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/contact']"));
        // The download it promises exists, for the owner, under the business.
        Assert.Contains(PortalRoutes.Pages(factory.Services), r => r.Template.EndsWith("/export", StringComparison.Ordinal) && r.BusinessScoped);
    }

    /// <summary>
    /// Every cookie the portal sets — signing in (with the second factor), choosing the language, a form, a message
    /// for the next page, and keeping typed input across an expired sign-in — is in the privacy policy's table.
    /// </summary>
    [Fact]
    public async Task Privacy_ListsEveryCookieThePortalSets()
    {
        var recorder = new SetCookieRecorder();
        using var http = factory.CreateDefaultClient(recorder, new CookieContainerHandler());
        var client = new PortalClient(http);
        var staff = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);

        var login = await client.GetAsync("/account/login");
        await client.SubmitAsync(login, new Dictionary<string, string> { ["culture"] = "en" }, "form.language-switch");
        await client.SignInAsync(staff);
        await client.PostAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = (await client.GetAsync("/")).AntiforgeryToken });
        await client.SignInAsync(owner);
        var consents = await client.GetAsync($"/businesses/{business.Id}/consents");
        await client.SubmitFormAsync(consents, [("PartnerId", "1"), ("Groups", "Financial"), ("Purpose", "融資の審査"), ("Until", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);

        var set = recorder.Names.Append(FormRescue.CookieName).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in new[] { "ja", "en" })
        {
            var privacy = await client.GetAsync($"/privacy?culture={culture}");
            var listed = privacy.Document.QuerySelectorAll("main table tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToHashSet(StringComparer.Ordinal);
            Assert.True(set.IsSubsetOf(listed), $"{culture}: set {string.Join(", ", set)}; listed {string.Join(", ", listed)}");
        }

        Assert.Contains("sme.auth", set);
        Assert.Contains("sme.2fa", set);
        Assert.Contains(".AspNetCore.Culture", set);
        Assert.Contains(".AspNetCore.Mvc.CookieTempDataProvider", set);
    }

    private sealed class SetCookieRecorder : DelegatingHandler
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                lock (Names)
                {
                    // A cookie cleared (expired at once, as signing in clears Identity.External) is not one set.
                    Names.UnionWith(cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)).Select(c => c.Split('=')[0].Trim()));
                }
            }

            return response;
        }
    }
}
