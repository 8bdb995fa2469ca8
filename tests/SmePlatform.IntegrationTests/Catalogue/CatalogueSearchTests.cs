using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.IntegrationTests.Catalogue;

[Collection(nameof(PortalCollection))]
public class CatalogueSearchTests(SmeAppFactory factory)
{
    private static readonly string[] Facets = ["purpose", "kind", "industry", "pref", "employees", "closing", "amount"];

    private static int Total(Page page) => int.Parse(page.Document.QuerySelector("#results-title")!.GetAttribute("data-total")!, CultureInfo.InvariantCulture);

    private static List<string> Slugs(Page page) =>
        [.. page.Document.QuerySelectorAll(".measure-card h3 a").Select(a => a.GetAttribute("href")!["/measures/".Length..])];

    [Theory]
    [InlineData("ものづくり")]
    [InlineData("ﾓﾉﾂﾞｸﾘ")]
    [InlineData("モノヅクリ")]
    [InlineData("ものづくり　補助金")]
    public async Task Search_FindsMonozukuri_HoweverItIsTyped(string typed)
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync($"/measures?q={Uri.EscapeDataString(typed)}");

        Assert.Contains("monozukuri-2026", Slugs(page));
    }

    [Fact]
    public async Task Search_FullWidthIT_FindsTheITMeasures_AndNotWordsThatMerelyContainIt()
    {
        using var client = factory.CreatePortalClient();

        var fullWidth = await client.GetAsync($"/measures?q={Uri.EscapeDataString("ＩＴ")}");
        var ascii = await client.GetAsync("/measures?q=IT");

        Assert.Contains("it-donyu-2026", Slugs(fullWidth));
        Assert.Equal(Slugs(ascii), Slugs(fullWidth));
        Assert.DoesNotContain("monozukuri-2026", Slugs(fullWidth));
        Assert.True(Total(fullWidth) < 10, $"{Total(fullWidth)} measures matched IT");
    }

    [Fact]
    public async Task Search_WithNoMatch_SaysSo()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync($"/measures?q={Uri.EscapeDataString("存在しない語句")}");

        Assert.Equal(0, Total(page));
        Assert.Contains("条件に合う支援策はありません", page.Text(".results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultCount_InEnglish_IsSingularForOneMeasure_AndPluralForMore()
    {
        using var client = factory.CreatePortalClient();

        var one = await client.GetAsync($"/measures?culture=en&q={Uri.EscapeDataString("ものづくり・商業・サービス")}");
        var more = await client.GetAsync($"/measures?culture=en&q={Uri.EscapeDataString("ものづくり")}");
        var none = await client.GetAsync($"/measures?culture=en&q={Uri.EscapeDataString("存在しない語句")}");

        Assert.Equal(1, Total(one));
        Assert.Equal("1 measure found", one.Text("#results-title"));
        Assert.True(Total(more) > 1);
        Assert.Equal($"{Total(more)} measures found", more.Text("#results-title"));
        Assert.Equal("0 measures found", none.Text("#results-title"));
    }

    /// <summary>
    /// From random filter states, every facet value's count equals the number of results after choosing it,
    /// and that choice is a URL that reproduces the same results.
    /// </summary>
    [Fact]
    public async Task FacetCounts_EqualTheResultsAfterChoosing_ForRandomCombinations()
    {
        using var client = factory.CreatePortalClient();
        var random = new Random(20261127);
        var checkedValues = 0;

        for (var round = 0; round < 12; round++)
        {
            var state = new Dictionary<string, string>();
            var page = await client.GetAsync("/measures");
            foreach (var facet in Facets.OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                var options = page.Document.QuerySelectorAll($"#f-{facet} option[data-count]")
                    .Where(o => o.GetAttribute("data-count") != "0").ToList();
                if (options.Count > 0)
                {
                    state[facet] = options[random.Next(options.Count)].GetAttribute("value")!;
                    page = await client.GetAsync(Url(state));
                }
            }

            var facetToCheck = Facets[random.Next(Facets.Length)];
            foreach (var option in page.Document.QuerySelectorAll($"#f-{facetToCheck} option[data-count]").Take(6))
            {
                var chosen = new Dictionary<string, string>(state) { [facetToCheck] = option.GetAttribute("value")! };
                var url = Url(chosen);
                var after = await client.GetAsync(url);
                Assert.True(int.Parse(option.GetAttribute("data-count")!, CultureInfo.InvariantCulture) == Total(after), $"{url}: facet said {option.GetAttribute("data-count")}, results {Total(after)}");
                Assert.Equal(Slugs(after), Slugs(await client.GetAsync(url)));
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 30, $"only {checkedValues} facet values checked");
    }

    [Fact]
    public async Task OpenNowCount_EqualsTheResultsWhenTicked()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetAsync("/measures?kind=Subsidy");
        var shown = int.Parse(page.Document.QuerySelector("label[for=f-open]")!.GetAttribute("data-count")!, CultureInfo.InvariantCulture);

        var ticked = await client.GetAsync("/measures?kind=Subsidy&open=true");

        Assert.Equal(shown, Total(ticked));
        Assert.True(shown < Total(page));
    }

    [Fact]
    public async Task Pages_KeepTheFilters_AndSortIsApplied()
    {
        using var client = factory.CreatePortalClient();

        var first = await client.GetAsync("/measures?sort=Amount");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await client.GetAsync(next);

        Assert.Equal(20, Slugs(first).Count);
        Assert.Contains("sort=Amount", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Empty(Slugs(first).Intersect(Slugs(second)));
        Assert.Equal(Total(first), Total(second));
    }

    [Fact]
    public async Task UnknownFilterValues_AreIgnored_NotErrors()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/measures?purpose=NoSuchPurpose&kind=42&page=-3");
        var all = await client.GetAsync("/measures");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Total(all), Total(page));
    }

    [Fact]
    public async Task Detail_ShowsKeyFacts_DeadlineInJapanTimeWithDaysLeft_AndRelatedMeasures()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/measures/monozukuri-2026");

        Assert.Equal("ものづくり・商業・サービス生産性向上促進補助金（デモ）", page.Text("h1"));
        var acceptance = page.Text(".key-facts .summary-list div:first-child dd");
        Assert.Matches(@"締切 \d{4}年（令和\d+年）\d+月\d+日 17:00 （あと\d+日）", acceptance);
        Assert.Contains("1/2以内", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Contains("1,000,000円 – 40,000,000円", page.Text(".key-facts"), StringComparison.Ordinal);
        // The terms as rows: the small-scale rate beside the rest, by track and employees, and the top-ups.
        var terms = string.Join(' ', page.Document.QuerySelectorAll(".terms-table").Select(t => t.TextContent));
        Assert.Contains("2/3以内", terms, StringComparison.Ordinal);
        Assert.Contains("6〜20人", terms, StringComparison.Ordinal);
        Assert.Contains("大幅賃上げ特例", terms, StringComparison.Ordinal);
        Assert.Contains("デモ用の架空のデータ", page.Text(".notice-warning"), StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll("section[aria-labelledby=related-title] a"));
        // It has an application form here, so applying starts on the portal; one without a form says whom to ask.
        Assert.Equal("/applications/new?measure=monozukuri-2026", page.Document.QuerySelector("#apply a.btn-primary")?.GetAttribute("href"));
        var withoutForm = await client.GetAsync("/measures/shoryokuka-2026");
        Assert.NotNull(withoutForm.Document.QuerySelector("#apply [data-apply-contact]"));
        Assert.Null(withoutForm.Document.QuerySelector("#apply a.btn-primary"));
    }

    /// <summary>
    /// 「申請方法を見る」 never ends in a dead end: a measure without an online form and without an official page says whom
    /// to ask (its agency and contact as recorded), and a demo one that it is fictitious and has no official page; one
    /// with an official page links to it.
    /// </summary>
    [Theory]
    [InlineData("ja", "実施機関にお問い合わせください", "中小企業支援窓口（デモ）", "架空のもの")]
    [InlineData("en", "Ask the agency below how to apply", "SME help desk (demo)", "fictitious demo data")]
    public async Task Detail_WithoutAnOnlineFormOrOfficialPage_SaysWhomToAsk_AndThatADemoMeasureHasNoOfficialPage(string culture, string ask, string contact, string fictitious)
    {
        using var client = factory.CreatePortalClient();
        var official = await factory.CreateMeasureAsync(MeasureStatus.Published);
        var unlisted = await factory.CreateMeasureAsync(MeasureStatus.Published);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.SupportMeasures.SingleAsync(m => m.Id == official.Id);
            row.OfficialUrl = "https://www.example.go.jp/hojo";
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();

        var demo = await client.GetAsync($"/measures/keiei-kyoka-zeisei?culture={culture}");
        var withoutPage = await client.GetAsync($"/measures/{unlisted.Slug}?culture={culture}");
        var withPage = await client.GetAsync($"/measures/{official.Slug}?culture={culture}");

        var apply = demo.Text("#apply");
        Assert.Contains(ask, apply, StringComparison.Ordinal);
        Assert.Contains(contact, apply, StringComparison.Ordinal);
        Assert.Contains(fictitious, demo.Text("#apply [data-apply-demo]"), StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "ja" ? "公式ページで受け付けています" : "taken on the agency's official page", apply, StringComparison.Ordinal);
        Assert.Contains(ask, withoutPage.Text("#apply"), StringComparison.Ordinal);
        Assert.Contains(culture == "ja" ? "テスト庁" : "Test Agency", withoutPage.Text("#apply dl"), StringComparison.Ordinal);
        Assert.Null(withoutPage.Document.QuerySelector("#apply [data-apply-demo]"));
        Assert.Equal("https://www.example.go.jp/hojo", withPage.Document.QuerySelector("#apply a[rel=noopener]")?.GetAttribute("href"));
        Assert.Null(withPage.Document.QuerySelector("#apply [data-apply-contact]"));
    }

    [Fact]
    public async Task ALoan_ShowsItsLoanLimit_NotSubsidyTerms()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/measures/safety-net-loan");

        Assert.Contains("融資額", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Contains("720,000,000円まで", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.DoesNotContain("補助額", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".terms-table"));
        Assert.DoesNotContain("定額", page.Text("main"), StringComparison.Ordinal);
        var english = await client.GetAsync("/measures/safety-net-loan?culture=en");
        Assert.Contains("Loan amount", english.Text(".key-facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_OfAClosedMeasure_SaysItClosed()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/measures/saikochiku-2025?culture=en");

        Assert.Contains("Closed on", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Contains("JST", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Contains("Applications are closed", page.Text("#apply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_OfAnUnknownMeasure_Is404()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/measures/no-such-measure");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("ページが見つかりません", page.Text("h1"));
    }

    [Fact]
    public async Task HomeSearchBox_LeadsToTheCatalogue()
    {
        using var client = factory.CreatePortalClient();
        var home = await client.GetAsync("/");

        var form = home.Document.QuerySelector("main form[role=search]")!;

        Assert.Equal("/measures", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }

    private static string Url(Dictionary<string, string> state) =>
        "/measures?" + string.Join('&', state.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
}
