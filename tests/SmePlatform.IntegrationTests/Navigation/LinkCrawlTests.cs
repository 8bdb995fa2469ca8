using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Seeding;

namespace SmePlatform.IntegrationTests.Navigation;

/// <summary>
/// Every link a person can follow leads to a page. For each kind of person (a visitor, the demo business's owner and
/// member, and each staff role with its second factor) the crawl starts at their pages and follows every same-origin
/// <c>&lt;a href&gt;</c> breadth-first, and fails on any link that answers 404, 403 or 5xx, or points at a part of a
/// page (<c>#id</c>) that is not there, naming the page each was found on. Links are only followed with GET (forms
/// are not submitted, so nothing changes state); a route is visited with at most <see cref="PerRoute"/> different
/// addresses (one measure page stands for the others).
/// </summary>
[Collection(nameof(PortalCollection))]
public class LinkCrawlTests(SmeAppFactory factory, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Different addresses of one route visited (its ids, slugs and query strings aside).</summary>
    public const int PerRoute = 25;

    /// <summary>A bound on one crawl, far above what the demo data reaches: a crawl that hits it is reported.</summary>
    public const int MaxPages = 1500;

    /// <summary>Links never followed: they would end the session (signing out is a form, but a link would be found here too).</summary>
    private static readonly string[] SkippedPaths = ["/account/logout"];

    public static TheoryData<string> Roles => new() { "visitor", "owner", "member", "reviewer", "supervisor", "analyst", "administrator" };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryLink_ReachableByTheRole_LeadsToAPage(string role)
    {
        await GiveTheDemoBusinessAnApplicationAsync();
        using var client = factory.CreatePortalClient();
        if (role != "visitor")
        {
            var email = role == "administrator" ? "admin@demo.example.jp" : $"{role}@demo.example.jp";
            var staff = role is not ("owner" or "member");
            var signedIn = await client.SignInAsync(email, DemoAccounts.Password, staff ? DemoAccounts.StaffAuthenticatorKey : null);
            Assert.NotEqual("/account/login", signedIn.Url.AbsolutePath);
        }

        var crawl = await CrawlAsync(client, StartPages(role));
        output.WriteLine($"The {role} followed links to {crawl.Visited} pages.");

        Assert.True(crawl.Visited >= 20, $"The {role}'s crawl saw only {crawl.Visited} pages.");
        Assert.True(crawl.Visited < MaxPages, $"The {role}'s crawl stopped at {MaxPages} pages.");
        Assert.True(crawl.Broken.Count == 0, $"Broken links for the {role}:\n{string.Join('\n', crawl.Broken)}");
    }

    /// <summary>The crawl does report what it is for: a link to a page that is not there, with the page it was on.</summary>
    [Fact]
    public async Task ABrokenLink_IsReported_WithThePageItWasFoundOn()
    {
        var measure = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Published);
        await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.BodyJa, "[申請の手引き](/no-such-page) と [様式](/measures#no-such-part)")));
        using var client = factory.CreatePortalClient();

        var crawl = await CrawlAsync(client, [$"/measures/{measure.Slug}"], depth: 1);

        Assert.Contains($"404 /no-such-page (on /measures/{measure.Slug})", crawl.Broken);
        Assert.Contains($"no #no-such-part on /measures (on /measures/{measure.Slug})", crawl.Broken);
    }

    private static string[] StartPages(string role) => role switch
    {
        "visitor" => ["/", "/measures", "/eligibility-check", "/self-check/try", "/account/login", "/account/register"],
        "owner" or "member" => ["/", "/businesses", "/recommendations", "/self-check", "/notices", "/account/manage"],
        "reviewer" or "supervisor" => ["/", "/review", "/admin/verification", "/dashboard", "/account/manage"],
        "analyst" => ["/", "/dashboard", "/account/manage"],
        _ => ["/", "/admin/measures", "/admin/self-check", "/admin/staff", "/dashboard", "/account/manage"],
    };

    private sealed record Crawl(int Visited, IReadOnlyList<string> Broken);

    /// <summary>Breadth-first from <paramref name="starts"/>; <paramref name="depth"/> limits how many links away it goes.</summary>
    private async Task<Crawl> CrawlAsync(PortalClient client, IEnumerable<string> starts, int depth = int.MaxValue)
    {
        var routes = GetRoutes();
        var origin = client.Http.BaseAddress!;
        var queue = new Queue<(string Url, string? FoundOn, int Depth)>(starts.Select(s => (s, (string?)null, 0)));
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var perRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var anchors = new List<(string Url, string Fragment, string FoundOn)>();
        var broken = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var (url, foundOn, level) = queue.Dequeue();
            visited++;
            var page = await client.GetAsync(url);
            var status = (int)page.Status;
            if (page.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || status >= 500)
            {
                broken.Add($"{status} {url} (on {foundOn ?? "the start"})");
                continue;
            }

            if (page.Response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            ids[url] = [.. page.Document.QuerySelectorAll("[id]").Select(e => e.Id!)];
            if (level >= depth)
            {
                continue;
            }

            foreach (var href in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!Uri.TryCreate(page.Url, href, out var target) || target.Scheme is not ("http" or "https") || target.Authority != origin.Authority)
                {
                    continue;
                }

                var address = target.PathAndQuery;
                if (target.Fragment.Length > 1)
                {
                    anchors.Add((address, Uri.UnescapeDataString(target.Fragment[1..]), page.Url.PathAndQuery));
                }

                if (SkippedPaths.Contains(target.AbsolutePath, StringComparer.OrdinalIgnoreCase) || !seen.Add(address))
                {
                    continue;
                }

                var route = RouteOf(routes, target.AbsolutePath);
                if (perRoute.GetValueOrDefault(route) >= PerRoute)
                {
                    continue;
                }

                perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
                queue.Enqueue((address, page.Url.PathAndQuery, level + 1));
            }
        }

        // A link to a part of a page is broken when the page was read and has no element with that id.
        broken.AddRange(anchors
            .Where(a => ids.TryGetValue(a.Url, out var onPage) && !onPage.Contains(a.Fragment))
            .Select(a => $"no #{a.Fragment} on {a.Url} (on {a.FoundOn})")
            .Distinct());
        return new Crawl(visited, broken);
    }

    /// <summary>The portal's GET routes, the most literal first, to tell which route an address belongs to.</summary>
    private List<(TemplateMatcher Matcher, string Template)> GetRoutes() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern)
            .OrderByDescending(p => p.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral))
            .ThenBy(p => p.Parameters.Count)
            .Select(p => (new TemplateMatcher(TemplateParser.Parse(p.RawText!.TrimStart('~', '/')), new RouteValueDictionary()), "/" + p.RawText!.TrimStart('~', '/')))];

    private static string RouteOf(List<(TemplateMatcher Matcher, string Template)> routes, string path)
    {
        foreach (var (matcher, template) in routes)
        {
            if (matcher.TryMatch(path, []))
            {
                return template;
            }
        }

        return path;
    }

    /// <summary>
    /// The demo business's application, submitted and returned for correction, so its owner and member have an
    /// application's pages to follow and the reviewers one to open (made once: the crawls share the portal).
    /// </summary>
    private async Task GiveTheDemoBusinessAnApplicationAsync()
    {
        var (business, ownerId) = await factory.WithDbAsync(async db =>
        {
            var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoAccounts.OwnerEmail);
            var demo = await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == owner.Id && m.Role == MemberRole.Owner)
                .Join(db.Businesses, m => m.BusinessId, b => b.Id, (m, b) => b).FirstAsync();
            return (demo, owner.Id);
        });
        if (!await factory.WithDbAsync(db => db.Applications.AnyAsync(a => a.BusinessId == business.Id)))
        {
            await factory.CreateApplicationAsync(business, new TestUser(ownerId, DemoAccounts.OwnerEmail, DemoAccounts.Password, null), returnedForCorrection: true);
        }
    }
}
