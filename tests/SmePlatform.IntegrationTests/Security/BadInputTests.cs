using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// The bad-input corpus (issue 20) against every form each kind of person can reach and every parameter of the API and of
/// the pages' links (<see cref="BadInputCorpus"/>): never a 5xx, never "page not found" for a route that exists, never a
/// redirect off the site, always in the person's language, and a payload that was saved is shown encoded, to everyone.
/// </summary>
[Collection(nameof(BadInputCollection))]
public class BadInputTests(SecurityPortal portal, ITestOutputHelper output)
{
    /// <summary>The people whose forms differ: a visitor (reading English), an Owner, a Supervisor (every review form), an Administrator.</summary>
    public static TheoryData<string> Roles => [SecurityPortal.Visitor, SecurityPortal.Owner, SecurityPortal.Supervisor, SecurityPortal.Administrator];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryForm_TakesTheCorpus(string role)
    {
        var run = await portal.Corpus.FormsAsync(role);

        Report(run);
        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} wrong answers:\n{string.Join('\n', run.Failures)}");
    }

    [Fact]
    public async Task EveryApiParameter_TakesTheCorpus()
    {
        var run = await portal.Corpus.ApiAsync();

        Report(run);
        Assert.True(run.Failures.Count == 0, $"{run.Failures.Count} wrong answers:\n{string.Join('\n', run.Failures)}");
    }

    /// <summary>
    /// What the forms saved of the payloads is shown encoded on every page, to whoever sees it: the owner's own pages, the
    /// reviewers' view of the business, the administrators' measures. And it was saved somewhere, so this could fail.
    /// </summary>
    [Fact]
    public async Task SavedPayloads_AreShownEncoded_OnEveryPage()
    {
        foreach (var role in new[] { SecurityPortal.Visitor, SecurityPortal.Owner, SecurityPortal.Supervisor, SecurityPortal.Administrator })
        {
            await portal.Corpus.FormsAsync(role);
        }

        // Whatever the corpus left saved, a payload the product certainly keeps and shows: the business's name, typed by
        // its owner (shown on the owner's pages and to staff).
        var owner = portal.Of(SecurityPortal.Owner);
        var basics = await owner.Client.GetAsync($"/businesses/{owner.Own["businessId"]}/profile/basics");
        var saved = await owner.Client.SubmitFormAsync(basics, [("Name", BadInput.Script)]);
        Assert.Equal($"/businesses/{owner.Own["businessId"]}/profile", saved.Url.AbsolutePath);

        var unencoded = new List<string>();
        var shownAsText = new List<string>();
        foreach (var actor in portal.Actors)
        {
            var pages = RoutePolicy.Rules
                .Where(r => r.Method == "GET" && RouteMatrix.Allows(r, actor) && !r.Has(RouteTraits.Api))
                .Select(r => RouteMatrix.Fill(r.Template, actor.Own) + (r.Query is { } q ? RouteMatrix.FillText(q, actor.Own) : ""))
                .Append("/review/" + actor.Own["reportApplicationId"]);
            foreach (var page in pages)
            {
                using var response = await actor.Client.Http.GetAsync(new Uri(page, UriKind.Relative));
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                if (html.Contains(BadInput.Script, StringComparison.Ordinal) || html.Contains(BadInput.AttributeUnencoded, StringComparison.Ordinal))
                {
                    unencoded.Add($"{actor.Role} {page}");
                }

                if (new HtmlParser().ParseDocument(html).Body?.TextContent.Contains(BadInput.Script, StringComparison.Ordinal) == true)
                {
                    shownAsText.Add($"{actor.Role} {page}");
                }
            }
        }

        output.WriteLine($"Payloads shown as text on: {string.Join(", ", shownAsText)}");
        Assert.True(unencoded.Count == 0, "Pages showing a payload unencoded:\n" + string.Join('\n', unencoded));
        Assert.NotEmpty(shownAsText);
    }

    private void Report(CorpusRun run)
    {
        output.WriteLine($"{run.Name}: {run.Requests} requests in {run.Took.TotalSeconds:F1} s.");
        foreach (var time in run.Times)
        {
            output.WriteLine("  " + time);
        }

        foreach (var failure in run.Failures)
        {
            output.WriteLine(failure);
        }
    }
}
