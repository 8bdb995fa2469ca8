using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.IntegrationTests.Recommendations;

[Collection(nameof(PortalCollection))]
public class RecommendationTests(SmeAppFactory factory)
{
    /// <summary>A manufacturer (JSIC E 09), ¥10m, 12 employees, in Tokyo, founded 2016-04-01, investing in IT.</summary>
    private const string Maker = "industry=E&industryMiddle=09&capitalYen=10000000&employees=12&prefecture=13&foundedOn=2016-04-01&legalForm=corporation&purposes=it-dx";

    /// <summary>An open measure for businesses of at most 20 employees in Tokyo founded less than 5 years ago.</summary>
    private async Task<SupportMeasure> RuledMeasureAsync(Action<MeasureEligibility> rules)
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.SupportMeasures.SingleAsync(m => m.Id == measure.Id);
            rules(row.Eligibility);
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();
        return measure;
    }

    private Task<SupportMeasure> SmallTokyoStartUpAsync() => RuledMeasureAsync(e =>
    {
        e.MaxEmployees = 20;
        e.Regions = [new MeasureRegion { PrefectureCode = "13" }];
        e.MaxYearsSinceFounding = 5;
    });

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> CheckAsync(string query)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/eligibility-check?{query}", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonElement MeasureIn(JsonElement body, string slug) =>
        body.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetString() == slug);

    private static string[] Reasons(JsonElement measure) => [.. measure.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    [Fact]
    public async Task Api_GivesTheSmeClass_AndEveryOpenMeasuresVerdictWithAReasonPerRule_InBothLanguages()
    {
        var measure = await SmallTokyoStartUpAsync();

        var (status, body, type) = await CheckAsync(Maker);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal("small-scale", body.GetProperty("smeClass").GetString());
        Assert.Contains("従業員数 12人 ≤ 20人（小規模事業者）", body.GetProperty("smeClassReason").GetString(), StringComparison.Ordinal);
        var judged = MeasureIn(body, measure.Slug);
        Assert.Equal("テスト用の支援策", judged.GetProperty("title").GetString());
        Assert.Equal("not-eligible", judged.GetProperty("verdict").GetString());
        Assert.Equal(["従業員数 12人 ≤ 20人", "所在地 東京都 は対象地域です", "創業から10年です（5年未満が対象です）"], Reasons(judged));
        Assert.DoesNotContain(body.GetProperty("measures").EnumerateArray(), m => m.GetProperty("id").GetString() == "saikochiku-2025");   // closed

        var (_, english, _) = await CheckAsync(Maker + "&culture=en");
        var inEnglish = MeasureIn(english, measure.Slug);
        Assert.Equal("A measure for the tests", inEnglish.GetProperty("title").GetString());
        Assert.Equal(["12 employees ≤ 20", "Tokyo is in the covered area", "10 years since founding (under 5 are covered)"], Reasons(inEnglish));
    }

    /// <summary>
    /// The worked example of README.md (a manufacturer of 12 in Tokyo, ¥10m, investing in equipment), answering that it
    /// is not deemed large. The demo ものづくり補助金 checks its conditions and supports the purpose: it is eligible (whether
    /// it was received before is the visitor's to check) and ranks above the measures that set no conditions, which say
    /// so. Each fact is stated once.
    /// </summary>
    [Fact]
    public async Task Api_WorkedExample_RanksAMatchingMeasureWhoseConditionsWereMet_AboveMeasuresWithNoConditions()
    {
        const string example = "industry=E&industryMiddle=29&capitalYen=10000000&employees=12&prefecture=13&foundedOn=2016-04-01&legalForm=corporation&purposes=equipment-investment&deemedLarge=no";
        string[] noConditions = ["gx-shoene-2026", "career-up-2026", "jinzai-kaihatsu-2026", "yorozu-shien", "shokei-center", "jetro-export"];

        var (_, body, _) = await CheckAsync(example);
        var (_, english, _) = await CheckAsync(example + "&culture=en");

        var slugs = body.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToList();
        var monozukuri = MeasureIn(body, "monozukuri-2026");
        Assert.Equal("eligible", monozukuri.GetProperty("verdict").GetString());
        Assert.Equal(["従業員数 12人 ≤ 300人（中小企業）", "みなし大企業に当たらない（ご回答による）", "目的が合っています: 設備投資", "過去にこの支援策の交付を受けた事業者は対象外です（ご確認ください）"], Reasons(monozukuri));
        Assert.All(noConditions, slug => Assert.True(slugs.IndexOf("monozukuri-2026") < slugs.IndexOf(slug), $"monozukuri-2026 after {slug}: {string.Join(", ", slugs)}"));
        // gx-shoene supports equipment investment too, but sets no conditions: after every eligible measure for it that was checked.
        var checkedForThePurpose = new[] { "monozukuri-2026", "bousai-bcp-2026", "shoryokuka-2026", "chingin-up-2026", "keiei-kyoka-zeisei", "keiei-ryoku-nintei" };
        Assert.All(checkedForThePurpose, slug => Assert.True(slugs.IndexOf(slug) < slugs.IndexOf("gx-shoene-2026"), $"{slug} after gx-shoene-2026: {string.Join(", ", slugs)}"));
        Assert.All(noConditions, slug =>
        {
            Assert.Equal(["対象の条件は定められていません"], Reasons(MeasureIn(body, slug)));
            Assert.Equal(["No eligibility conditions are set"], Reasons(MeasureIn(english, slug)));
        });
        Assert.Equal(["従業員数 12人 ≤ 20人（小規模事業者）", "みなし大企業に当たらない（ご回答による）", "事業の目的が合いません（対象: 販路開拓）"], Reasons(MeasureIn(body, "jizokuka-2026")));

        // The page lists them in the same order, with the same reasons.
        using var visitor = factory.CreatePortalClient();
        var page = await visitor.GetAsync($"/eligibility-check?{example}");
        var cards = page.Document.QuerySelectorAll(".measure-card").ToList();
        Assert.Equal(slugs, cards.Select(c => c.QuerySelector("h3 a")!.GetAttribute("href")!["/measures/".Length..]));
        var yorozu = cards.Single(c => c.QuerySelector("h3 a[href='/measures/yorozu-shien']") is not null);
        Assert.Equal("対象の条件は定められていません", yorozu.QuerySelector(".reasons")!.TextContent.Trim());
        var lines = cards.Single(c => c.QuerySelector("h3 a[href='/measures/monozukuri-2026']") is not null).QuerySelectorAll(".reasons li")
            .Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim());
        Assert.Contains("注意: 過去にこの支援策の交付を受けた事業者は対象外です（ご確認ください）", lines);
    }

    [Fact]
    public async Task Api_InEnglish_AReasonWithACountOfOne_IsSingular()
    {
        var measure = await SmallTokyoStartUpAsync();
        var founded = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddYears(-1).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (_, body, _) = await CheckAsync($"industry=E&industryMiddle=09&capitalYen=10000000&employees=1&prefecture=13&foundedOn={founded}&legalForm=corporation&culture=en");

        Assert.Equal(["1 employee ≤ 20", "Tokyo is in the covered area", "1 year since founding (under 5)"], Reasons(MeasureIn(body, measure.Slug)));
        Assert.Contains("1 employee ≤ 20 (small-scale business)", body.GetProperty("smeClassReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AMissingFact_GivesNeedMoreInformation_NamingIt()
    {
        var measure = await SmallTokyoStartUpAsync();

        var (_, body, _) = await CheckAsync("industry=E&legalForm=corporation&prefecture=13&foundedOn=2024-01-10");

        Assert.Equal("undetermined", body.GetProperty("smeClass").GetString());
        var judged = MeasureIn(body, measure.Slug);
        Assert.Equal("need-more-information", judged.GetProperty("verdict").GetString());
        Assert.Equal("従業員数が必要です（上限 20人）", Reasons(judged)[0]);
    }

    [Fact]
    public async Task Api_BadParameters_Are400ProblemDetails_NamingEach()
    {
        var (status, body, type) = await CheckAsync(
            "industry=ZZ&industryMiddle=1&industryMinor=x&capitalYen=-5&employees=many&prefecture=99&foundedOn=2026-13-01&legalForm=kaisha&purposes=gold&deemedLarge=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(
            ["capitalYen", "deemedLarge", "employees", "foundedOn", "industry", "industryMiddle", "industryMinor", "legalForm", "prefecture", "purposes"],
            body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("従業員数は0以上の整数", body.GetProperty("errors").GetProperty("employees")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuickCheck_ShowsTheClassAndVerdicts_AndABadValueBesideItsField_WithWhatWasTypedKept()
    {
        var measure = await SmallTokyoStartUpAsync();
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"/eligibility-check?{Maker}");

        Assert.Contains("小規模事業者", page.Text("#class-title"), StringComparison.Ordinal);
        var card = page.Document.QuerySelectorAll(".measure-card").Single(c => c.QuerySelector($"a[href='/measures/{measure.Slug}']") is not null);
        Assert.Contains("対象外です", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("創業から10年です（5年未満が対象です）", card.TextContent, StringComparison.Ordinal);

        var bad = await visitor.GetAsync("/eligibility-check?industry=E&employees=%E5%A4%9A%E3%81%84&capitalYen=5000000");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("従業員数は0以上の整数", bad.ErrorFor("employees"), StringComparison.Ordinal);
        Assert.Single(bad.ErrorSummary);
        Assert.Equal("多い", bad.Document.QuerySelector("#employees")!.GetAttribute("value"));
        Assert.Equal("5000000", bad.Document.QuerySelector("#capitalYen")!.GetAttribute("value"));
        Assert.Null(bad.Document.QuerySelector("#class-title"));
    }

    /// <summary>
    /// A visitor who leaves 「みなし大企業に当たりますか」 at 「分からない」 is asked to answer that question on the same page,
    /// never to register shareholders and officers (which a visitor cannot do); the API names its parameter.
    /// </summary>
    [Theory]
    [InlineData("ja", "みなし大企業か判定するには、このページの質問「みなし大企業に当たりますか」に答えてください", "みなし大企業か判定するには、deemedLarge（yes または no）を指定してください", "登録")]
    [InlineData("en", "To judge whether it is deemed large, answer “Is the business deemed large?” on this page", "To judge whether it is deemed large, give deemedLarge (yes or no)", "shareholders and officers")]
    public async Task QuickCheck_WithDeemedLargeUnknown_AsksForTheAnswerOnItsForm_NotARegistration(string culture, string onThePage, string inTheApi, string registration)
    {
        using var visitor = factory.CreatePortalClient();

        var page = await visitor.GetAsync($"/eligibility-check?{Maker}&deemedLarge=&culture={culture}");
        var (_, body, _) = await CheckAsync($"{Maker}&culture={culture}");

        var card = page.Document.QuerySelectorAll(".measure-card").Single(c => c.QuerySelector("h3 a[href='/measures/monozukuri-2026']") is not null);
        var reasons = card.QuerySelectorAll(".reasons li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Contains(reasons, r => r.EndsWith(onThePage, StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains(registration, StringComparison.Ordinal));
        Assert.NotNull(page.Document.QuerySelector("#check-form select[name='deemedLarge']"));
        Assert.Contains(inTheApi, Reasons(MeasureIn(body, "monozukuri-2026")));
    }

    [Fact]
    public async Task Recommendations_AskOnlyForTheMissingFacts_AndSaveTheAnswersToTheProfile()
    {
        var measure = await RuledMeasureAsync(e =>
        {
            e.Regions = [new MeasureRegion { PrefectureCode = "13" }];
            e.MinYearsSinceFounding = 3;
        });
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        var path = $"/businesses/{business.Id}/recommendations";

        var page = await client.GetAsync(path);
        var card = page.Document.QuerySelectorAll(".measure-card").Single(c => c.QuerySelector($"a[href='/measures/{measure.Slug}']") is not null);
        Assert.Contains("情報が足りません", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("select#PrefectureCode"));
        Assert.NotNull(page.Document.QuerySelector("input#FoundedOn"));
        Assert.Null(page.Document.QuerySelector("input#RegularEmployees"));   // known: not asked again

        var refused = await client.SubmitFormAsync(page, [("PrefectureCode", "13"), ("FoundedOn", "2099-01-01")], $"form[action='{path}/answers']");
        Assert.Contains("今日以前の日付", refused.ErrorFor("FoundedOn"), StringComparison.Ordinal);
        Assert.Equal("13", refused.Document.QuerySelector("#PrefectureCode option[selected]")?.GetAttribute("value"));
        Assert.Null(await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).Select(b => b.PrefectureCode).SingleAsync()));

        var saved = await client.SubmitFormAsync(refused, [("PrefectureCode", "13"), ("FoundedOn", "2020-04-01")], $"form[action='{path}/answers']");
        Assert.Equal(path, saved.Url.AbsolutePath);
        Assert.Contains("回答を事業者情報に保存しました", saved.Text("main"), StringComparison.Ordinal);
        card = saved.Document.QuerySelectorAll(".measure-card").Single(c => c.QuerySelector($"a[href='/measures/{measure.Slug}']") is not null);
        Assert.Contains("対象です", card.QuerySelector(".verdict-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("創業から6年（3年以上）", card.TextContent, StringComparison.Ordinal);
        // It has no application form on the portal: the card leads to how to apply for it, not to a form that is not there.
        Assert.NotNull(card.QuerySelector($"a[href='/measures/{measure.Slug}#apply']"));
        Assert.Null(card.QuerySelector("a[href^='/applications/new']"));
        Assert.Null(saved.Document.QuerySelector("select#PrefectureCode"));

        var changes = await factory.WithDbAsync(db => db.ProfileChanges.Where(c => c.BusinessId == business.Id).Select(c => new { c.Field, c.NewValue, c.Source }).ToListAsync());
        Assert.Contains(changes, c => c is { Field: "PrefectureCode", NewValue: "13", Source: ProfileSource.SelfDeclared });
        Assert.Contains(changes, c => c is { Field: "FoundedOn", NewValue: "2020-04-01" });
    }

    /// <summary>
    /// Only a measure with an application form on the portal offers to apply online; every other card leads to its page's
    /// "how to apply" and, when it has one, its official page. Every one of those links on the page opens a page.
    /// </summary>
    [Fact]
    public async Task Recommendations_OfferToApplyOnline_OnlyWhereTheMeasureHasAForm_AndEveryApplyLinkOpens()
    {
        var official = await RuledMeasureAsync(e => e.MaxEmployees = 20);
        await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == official.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.OfficialUrl, "https://www.example.go.jp/hojo")));
        factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();
        var (client, _, business) = await factory.CreateOwnerClientAsync();

        var page = await client.GetAsync($"/businesses/{business.Id}/recommendations");

        AngleSharp.Dom.IElement Card(string slug) => page.Document.QuerySelectorAll(".measure-card").Single(c => c.QuerySelector($"h3 a[href='/measures/{slug}']") is not null);
        Assert.Equal("オンラインで申請する: ものづくり・商業・サービス生産性向上促進補助金（デモ）",
            Card("monozukuri-2026").QuerySelector("a[href='/applications/new?measure=monozukuri-2026']")?.TextContent.Trim());
        var elsewhere = Card(official.Slug);
        Assert.Null(elsewhere.QuerySelector("a[href^='/applications/new']"));
        Assert.Equal("申請方法を見る: テスト用の支援策", elsewhere.QuerySelector($"a[href='/measures/{official.Slug}#apply']")?.TextContent.Trim());
        Assert.NotNull(elsewhere.QuerySelector("a[href='https://www.example.go.jp/hojo']"));
        var withoutForm = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => !db.ApplicationForms.Any(f => f.MeasureId == m.Id)).Select(m => m.Slug).ToListAsync());
        Assert.All(page.Document.QuerySelectorAll(".measure-card a[href^='/applications/new']"),
            a => Assert.DoesNotContain(a.GetAttribute("href")!.Split('=')[1], withoutForm));

        var applyLinks = page.Document.QuerySelectorAll(".measure-card .btn").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(applyLinks.Count > 20, $"{applyLinks.Count} apply links");
        foreach (var link in applyLinks)
        {
            var target = await client.GetAsync(link);
            Assert.True(target.Status == HttpStatusCode.OK, $"{link}: {(int)target.Status}");
            Assert.NotNull(target.Document.QuerySelector(link.StartsWith("/measures/", StringComparison.Ordinal) ? "#apply" : "main form[action='/applications/new']"));
        }
    }

    [Fact]
    public async Task Recommendations_Filter_ByVerdict()
    {
        var measure = await SmallTokyoStartUpAsync();
        var (client, _, business) = await factory.CreateOwnerClientAsync();

        var needing = await client.GetAsync($"/businesses/{business.Id}/recommendations?Verdict=NeedMoreInformation");
        var eligible = await client.GetAsync($"/businesses/{business.Id}/recommendations?Verdict=Eligible");

        Assert.NotNull(needing.Document.QuerySelector($".measure-card a[href='/measures/{measure.Slug}']"));
        Assert.Null(eligible.Document.QuerySelector($".measure-card a[href='/measures/{measure.Slug}']"));
        Assert.All(eligible.Document.QuerySelectorAll(".verdict-badge"), b => Assert.Equal("対象です", b.TextContent.Trim()));
    }

    [Fact]
    public async Task AtSubmission_AFailedHardRuleBlocksWithItsReason_AndReviewersSeeTheVerdictAsSubmitted()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true, measureSlug: "jizokuka-2026");
        await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.RegularEmployees, 21)));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var path = $"/businesses/{business.Id}/applications/{applicationId}/check";

        var blocked = await client.GetAsync(path);
        Assert.Contains("この支援策の対象か: 対象外です", blocked.Text("#eligibility-title"), StringComparison.Ordinal);
        Assert.Contains("この支援策の対象外のため申請できません: 従業員数 21人 > 20人（小規模事業者の上限を超えます）", blocked.Text("#blockers-title + ul"), StringComparison.Ordinal);
        Assert.Null(blocked.Document.QuerySelector("form[data-submit-once]"));
        var forced = await client.PostAsync($"/businesses/{business.Id}/applications/{applicationId}/submit",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = blocked.AntiforgeryToken, ["idempotencyKey"] = "forced", ["version"] = "0" });
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Submissions.CountAsync(x => x.ApplicationId == applicationId)));

        await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.RegularEmployees, 20)));
        var ready = await client.GetAsync(path);
        Assert.Contains("情報が足りません", ready.Text("#eligibility-title"), StringComparison.Ordinal);   // ownership not registered: warned, not blocked
        Assert.Contains("注意:", ready.Text("section[aria-labelledby=eligibility-title]"), StringComparison.Ordinal);   // the purpose rule warns only
        var receipt = await client.SubmitFormAsync(ready, []);
        Assert.Contains("/receipts/2", receipt.Url.AbsolutePath, StringComparison.Ordinal);
        // The size class judged at submission is kept on the application (the dashboard counts by it): a manufacturer of 20.
        Assert.Equal(Domain.Businesses.SmeClass.SmallScale, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.SizeClass).SingleAsync()));

        // The rule changes after the submission; the reviewer still sees the verdict the applicant saw.
        await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "jizokuka-2026").ExecuteUpdateAsync(s => s.SetProperty(m => m.Eligibility.MaxEmployees, 10)));
        try
        {
            using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
            var review = await reviewer.GetAsync($"/review/{applicationId}");
            Assert.Contains("申請時の対象判定: 情報が足りません", review.Text("#eligibility-title"), StringComparison.Ordinal);
            Assert.Contains("従業員数 20人 ≤ 20人（小規模事業者）", review.Text("section[aria-labelledby=eligibility-title]"), StringComparison.Ordinal);
        }
        finally
        {
            await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "jizokuka-2026").ExecuteUpdateAsync(s => s.SetProperty(m => m.Eligibility.MaxEmployees, 20)));
        }
    }
}
