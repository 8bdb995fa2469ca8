using System.Net;
using AngleSharp.Dom;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.IntegrationTests.Localization;

[Collection(nameof(PortalCollection))]
public class LanguageTests(SmeAppFactory factory)
{
    [Fact]
    public async Task Pages_AreJapaneseByDefault()
    {
        using var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var page = await client.GetAsync("/account/login");

        Assert.Equal("ja", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ログイン", page.Text("h1"));
    }

    [Fact]
    public async Task LanguageSwitch_PersistsInACookie_AndReturnsToTheSamePage()
    {
        using var client = factory.CreatePortalClient();
        var login = await client.GetAsync("/account/login");

        var english = await client.SubmitAsync(login, new Dictionary<string, string> { ["culture"] = "en" }, "form.language-switch");
        Assert.Equal("/account/login", english.Url.AbsolutePath);
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.Text("h1"));

        var later = await client.GetAsync("/account/register");
        Assert.Equal("Create an account", later.Text("h1"));

        var back = await client.SubmitAsync(later, new Dictionary<string, string> { ["culture"] = "ja" }, "form.language-switch");
        Assert.Equal("アカウントを作成する", back.Text("h1"));
    }

    [Fact]
    public async Task LanguageSwitch_DoesNotRedirectOffSite()
    {
        using var client = factory.CreatePortalClient();
        var home = await client.GetAsync("/");
        var token = home.AntiforgeryToken;

        var response = await client.PostWithoutFollowingAsync("/language", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en",
            ["returnUrl"] = "https://evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>
    /// Every page of the portal in English shows no kana or kanji, except inside an element marked lang="ja"
    /// (proper names and data). Pages come from the app's endpoints; signed-in pages are seen by a staff
    /// member who holds every role, and a business's pages by its owner.
    /// </summary>
    [Fact]
    public async Task EveryPage_InEnglish_HasNoJapaneseOutsideLangJa()
    {
        var staff = await factory.CreateUserAsync([.. StaffRoles.All.Select(r => r.Name)], twoFactor: true);
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        using var anonymous = factory.CreatePortalClient();
        using var signedIn = factory.CreatePortalClient();
        using var ownerClient = factory.CreatePortalClient();
        await signedIn.SignInAsync(staff);
        await ownerClient.SignInAsync(owner);

        var problems = new List<string>();
        var application = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var samples = new Dictionary<string, string>
        {
            ["businessId"] = business.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["applicationId"] = application.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var route in PortalRoutes.Pages(factory.Services, samples).Where(r => !r.IsDownload))
        {
            var client = route.Anonymous ? anonymous : route.BusinessScoped ? ownerClient : signedIn;
            var separator = route.Path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await client.GetAsync($"{route.Path}{separator}culture=en");
            if (route.BusinessScoped && page.Status != System.Net.HttpStatusCode.OK)
            {
                problems.Add($"{route}: {(int)page.Status} for the business's owner");
            }

            problems.AddRange(JapaneseOutsideLangJa(page.Document).Select(text => $"{route}: \"{text}\""));
        }

        Assert.Empty(problems);
    }

    private static readonly string[] TextAttributes = ["title", "alt", "aria-label", "placeholder", "value"];

    private static IEnumerable<string> JapaneseOutsideLangJa(IDocument document)
    {
        foreach (var node in document.DocumentElement.GetDescendants())
        {
            var text = node switch
            {
                IText t when t.ParentElement?.TagName is not ("SCRIPT" or "STYLE") => t.Data,
                IElement e => string.Join(' ', TextAttributes.Select(a => e.GetAttribute(a) ?? "")),
                _ => "",
            };
            var element = node as IElement ?? node.ParentElement;
            var markedJapanese = element?.Closest("[lang='ja']") is not null;
            if (!markedJapanese && text.Any(Display.IsJapaneseCharacter))
            {
                yield return text.Trim();
            }
        }
    }
}
