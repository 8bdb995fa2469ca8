using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Domain.Time;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.IntegrationTests.SelfCheck;

[Collection(nameof(PortalCollection))]
public class SelfCheckTests(SmeAppFactory factory)
{
    /// <summary>The worked example of LocalBenchmarkTests: sales ¥120m after ¥100m, 15 employees, borrowings ¥50m.</summary>
    private static FinancialYear ThisYear(int businessId, int employees = 15) => new()
    {
        BusinessId = businessId,
        ClosingDate = new DateOnly(2026, 3, 31),
        Sales = 120_000_000,
        OperatingProfit = 6_000_000,
        Depreciation = 4_000_000,
        CashAndDeposits = 20_000_000,
        Receivables = 15_000_000,
        Inventory = 8_000_000,
        Payables = 9_000_000,
        ShortTermBorrowings = 20_000_000,
        LongTermBorrowings = 30_000_000,
        NetAssets = 30_000_000,
        TotalAssets = 100_000_000,
        Employees = employees,
    };

    private static FinancialYear LastYear(int businessId) => new() { BusinessId = businessId, ClosingDate = new DateOnly(2025, 3, 31), Sales = 100_000_000 };

    private async Task<(PortalClient Client, Business Business)> OwnerWithStatementsAsync(string industry, params FinancialYear[] extra)
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        await factory.WithDbAsync(async db =>
        {
            await db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.IndustryMajor, industry).SetProperty(b => b.IndustryMiddle, (string?)null));
            db.FinancialYears.AddRange([ThisYear(business.Id), LastYear(business.Id), .. extra]);
            return await db.SaveChangesAsync();
        });
        return (client, business);
    }

    private static string[] Column(Page page, string table, int column) =>
        [.. page.Document.QuerySelectorAll($"table.{table} tbody tr").Select(row => row.Children[column].TextContent.Trim())];

    private static string[] Headers(Page page, string table) =>
        [.. page.Document.QuerySelectorAll($"table.{table} thead th").Select(th => th.TextContent.Trim())];

    [Fact]
    public async Task TwoYearsOfStatements_InAnIndustryWithPublishedThresholds_ShowEachIndicatorWithItsFormula_ScoresRankAndSource()
    {
        await factory.PublishBenchmarksAsync("E");
        var (client, business) = await OwnerWithStatementsAsync("E");

        var page = await client.GetAsync($"/businesses/{business.Id}/self-check");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["20.0％", "5.0％", "400.0千円", "3.0倍", "1.4か月", "30.0％"], Column(page, "indicators", 2));
        // The test thresholds: growth (-5, 0, 5, 10), margin (0, 2, 4, 8), productivity (0, 500, 1500, 3000),
        // debt (2, 5, 10, 15; lower better), working capital (0.5, 1, 2, 3; lower better), equity (0, 10, 30, 50).
        Assert.Equal(["5点", "4点", "2点", "4点", "3点", "4点"], Column(page, "indicators", 3));
        Assert.Contains("売上高 ÷ 前期の売上高 − 1", Column(page, "indicators", 1)[0], StringComparison.Ordinal);
        Assert.Contains("ランク B", page.Text(".rank"), StringComparison.Ordinal);
        Assert.Contains("合計 22点／30点", page.Text(".rank"), StringComparison.Ordinal);
        Assert.Contains("試験用の基準値（テストデータ） / Thresholds for the tests (test data) (2026年（令和8年）4月1日公表)", page.Text(".sources"), StringComparison.Ordinal);
        Assert.Contains("業種「E 製造業」について公表された基準値", page.Text("#sources-title ~ p"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("canvas[data-radar][role=img]"));
        Assert.Null(page.Document.QuerySelector(".not-published"));
        // The weak indicator (productivity, 2 points) is named with the purposes that address it.
        Assert.Contains("労働生産性（2点）", page.Text("#remedies-title ~ h3"), StringComparison.Ordinal);
        // History: the older year cannot be ranked (it has no year before it).
        Assert.Equal(["2026年（令和8年）3月31日", "2025年（令和7年）3月31日"], page.Document.QuerySelectorAll("table.history tbody th").Select(th => th.TextContent.Trim()));
    }

    [Theory]
    [InlineData("ja", "業種「D 建設業」については、公表された基準値", "点数とランク（A〜D）は表示していません")]
    [InlineData("en", "The published thresholds for D Construction", "without scores or a rank (A to D)")]
    public async Task AnIndustryWithoutPublishedThresholds_ShowsTheIndicatorsFormulasHistoryAndPeers_NoScoreOrRank_AndSaysWhy(string culture, string why, string noScore)
    {
        // Industry D (construction): no test loads its thresholds.
        var (client, business) = await OwnerWithStatementsAsync("D");

        var page = await client.GetAsync($"/businesses/{business.Id}/self-check?culture={culture}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(why, page.Text(".not-published"), StringComparison.Ordinal);
        Assert.Contains(noScore, page.Text(".not-published"), StringComparison.Ordinal);
        // The six indicators with their formulas and values; no score column, no thresholds, no rank, no chart of scores.
        Assert.Equal(3, Headers(page, "indicators").Length);
        Assert.Equal(6, Column(page, "indicators", 1).Length);
        Assert.Equal(culture == "ja" ? "20.0％" : "20.0%", Column(page, "indicators", 2)[0]);
        Assert.Null(page.Document.QuerySelector(".rank"));
        Assert.Null(page.Document.QuerySelector("canvas[data-radar]"));
        Assert.Null(page.Document.QuerySelector(".sources"));
        // The history shows the values by year, without totals or ranks; the comparison with peers is there.
        Assert.Equal(7, Headers(page, "history").Length);
        Assert.Equal(culture == "ja" ? "20.0％" : "20.0%", page.Document.QuerySelector("table.history tbody tr td")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("#peers-title"));
        Assert.Empty(page.Document.QuerySelectorAll("#remedies-title ~ h3"));
        // No placeholder, no internal note.
        Assert.DoesNotContain("DOMAIN", page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("初期値", page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndicatorThatCannotBeComputed_SaysWhy_AndNoRankIsGiven()
    {
        await factory.PublishBenchmarksAsync("E");
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        await factory.WithDbAsync(db =>
        {
            db.FinancialYears.Add(ThisYear(business.Id, employees: 0));
            return db.SaveChangesAsync();
        });

        var page = await client.GetAsync($"/businesses/{business.Id}/self-check?culture=en");

        var values = Column(page, "indicators", 2);
        Assert.Equal("Cannot be computed: there is no previous year (two years are needed).", values[0]);
        Assert.Equal("Cannot be computed: Employees is zero, and cannot be divided by.", values[2]);
        Assert.Contains("The rank is shown once all six indicators have a score.", page.Text(".rank"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministrator_SeesWhichIndustriesLackThresholds_AndLoadsAnIndustrys_ThenItsBusinessesAreScored()
    {
        // Industry B (fishery): only this test loads its thresholds.
        var (client, business) = await OwnerWithStatementsAsync("B");
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var index = await admin.GetAsync("/admin/self-check");
        Assert.Equal("missing", index.Document.QuerySelector("table.industries tr[data-industry='B']")!.GetAttribute("data-state"));
        Assert.Contains("未登録（0/6指標）", index.Text("table.industries tr[data-industry='B']"), StringComparison.Ordinal);
        Assert.Contains("公表された基準値がそろっていない業種", index.Text(".lacking"), StringComparison.Ordinal);
        Assert.Equal(20, index.Document.QuerySelectorAll("table.industries tbody tr").Length);

        var indicators = PortalData.TestThresholds.ToList();
        foreach (var (indicator, t) in indicators.Take(5))
        {
            var form = await admin.GetAsync($"/admin/self-check/industries/B/{indicator}");
            var saved = await admin.SubmitFormAsync(form, [
                ("T1", t.T1.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("T2", t.T2.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("T3", t.T3.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("T4", t.T4.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Source", "水産業の基準値（テスト用）"), ("PublishedOn", "2026-04-01")]);
            Assert.Equal("/admin/self-check/industries/B", saved.Url.AbsolutePath);
        }

        // Five of six: still not scored, and the lists say so.
        var industry = await admin.GetAsync("/admin/self-check/industries/B");
        Assert.Equal("partial", industry.Document.QuerySelector(".state")!.GetAttribute("data-state"));
        Assert.Contains("未登録", industry.Text("table.thresholds tr[data-indicator='EquityRatio']"), StringComparison.Ordinal);
        Assert.NotNull((await client.GetAsync($"/businesses/{business.Id}/self-check")).Document.QuerySelector(".not-published"));

        var last = await admin.GetAsync("/admin/self-check/industries/B/EquityRatio");
        await admin.SubmitFormAsync(last, [("T1", "35"), ("T2", "40.5"), ("T3", "50"), ("T4", "60"), ("Source", "水産業の基準値（テスト用）"), ("PublishedOn", "2026-04-01")]);

        var after = await client.GetAsync($"/businesses/{business.Id}/self-check");
        Assert.Null(after.Document.QuerySelector(".not-published"));
        Assert.Equal("1点", Column(after, "indicators", 3)[5]); // equity 30 % reaches none of them
        Assert.Contains("35 / 40.5 / 50 / 60", Column(after, "indicators", 4)[5], StringComparison.Ordinal);
        Assert.Contains("水産業の基準値（テスト用） (2026年（令和8年）4月1日公表)", after.Text(".sources"), StringComparison.Ordinal);
        Assert.Contains("業種「B 漁業」について公表された基準値", after.Text("#sources-title ~ p"), StringComparison.Ordinal);
        Assert.Equal("published", (await admin.GetAsync("/admin/self-check")).Document.QuerySelector("table.industries tr[data-industry='B']")!.GetAttribute("data-state"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "benchmark.thresholds.added" && e.SubjectId == "B/EquityRatio")));

        // Changing a value on record is an edit, against the version shown.
        var edit = await admin.GetAsync("/admin/self-check/industries/B/EquityRatio");
        await admin.SubmitFormAsync(edit, [("T1", "0"), ("T2", "10"), ("T3", "30"), ("T4", "50")]);
        Assert.Equal("4点", Column(await client.GetAsync($"/businesses/{business.Id}/self-check"), "indicators", 3)[5]);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "benchmark.thresholds.edited" && e.SubjectId == "B/EquityRatio")));
    }

    [Fact]
    public async Task ThresholdsOutOfOrder_AreRefusedBesideTheField_WithWhatWasTypedKept()
    {
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var editor = await admin.GetAsync("/admin/self-check/industries/A/SalesGrowth");

        var refused = await admin.SubmitFormAsync(editor, [("T1", "5"), ("T2", "abc"), ("T3", "1"), ("T4", "0"), ("Source", ""), ("PublishedOn", "2999-01-01")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("数値で入力", refused.Text("#T2-error"), StringComparison.Ordinal);
        Assert.Contains("出典", refused.Text("#Source-error"), StringComparison.Ordinal);
        Assert.Contains("今日以前", refused.Text("#PublishedOn-error"), StringComparison.Ordinal);
        Assert.Equal("abc", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#T2")!).Value);
        Assert.False(await factory.WithDbAsync(db => db.BenchmarkThresholds.AnyAsync(t => t.Industry == "A")));
    }

    [Fact]
    public async Task AnUnknownIndustryOrIndicator_Is404()
    {
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/self-check/industries/Z")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/self-check/industries/*/SalesGrowth")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/self-check/industries/E/Happiness")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/self-check/industries/E/0")).Status);
    }

    [Fact]
    public async Task AnAdministrator_LoadsTheRankCutoffs_WithTheirSource()
    {
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var form = await admin.GetAsync("/admin/self-check/cutoffs");

        var refused = await admin.SubmitFormAsync(form, [("A", "18"), ("B", "24"), ("C", "12"), ("Source", "経済産業省「ローカルベンチマーク」（テスト）"), ("PublishedOn", "2026-04-01")]);
        Assert.Contains("A > B > C", refused.Text("#A-error"), StringComparison.Ordinal);
        var saved = await admin.SubmitFormAsync(refused, [("A", "24"), ("B", "18")]);

        Assert.Equal("/admin/self-check", saved.Url.AbsolutePath);
        Assert.Contains("A は24点以上、B は18点以上、C は12点以上", saved.Text("main"), StringComparison.Ordinal);
        Assert.Contains("経済産業省「ローカルベンチマーク」（テスト）", saved.Text("main"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "benchmark.cutoffs.added" || e.Action == "benchmark.cutoffs.edited")));
    }

    [Fact]
    public async Task TheMigratedDatabase_HoldsNoPlaceholderValues()
    {
        // The placeholders once seeded (the same for every industry, with a note for developers as their source) are gone.
        Assert.False(await factory.WithDbAsync(db => db.BenchmarkThresholds.AnyAsync(t => t.Industry == "*" || t.Source.Contains("初期値") || t.Source.Contains("DOMAIN"))));
        Assert.False(await factory.WithDbAsync(db => db.BenchmarkRankCutoffs.AnyAsync(c => c.Source.Contains("初期値") || c.Source.Contains("DOMAIN"))));
    }

    [Fact]
    public async Task ThePlatformComparison_IsHiddenBelowTenBusinesses_AndShownAtTen()
    {
        // Industry C (mining) is used by no other test: nine businesses with statements, then a tenth.
        var (client, business) = await OwnerWithStatementsAsync("C");
        for (var i = 0; i < 8; i++)
        {
            await OwnerWithStatementsAsync("C");
        }

        var nine = await client.GetAsync($"/businesses/{business.Id}/self-check");
        Assert.Contains("10社未満", nine.Text(".peers-hidden"), StringComparison.Ordinal);
        Assert.Null(nine.Document.QuerySelector("table.peers"));

        await OwnerWithStatementsAsync("C");
        var ten = await client.GetAsync($"/businesses/{business.Id}/self-check");
        Assert.Null(ten.Document.QuerySelector(".peers-hidden"));
        Assert.Equal(Enumerable.Repeat("10社", 6), Column(ten, "peers", 6));
        Assert.Equal("20.0％", Column(ten, "peers", 3)[0]); // every one of them grew 20 %: the median too
    }

    [Fact]
    public async Task AnotherBusinessesSelfCheck_IsNotFound()
    {
        var (client, _, own) = await factory.CreateOwnerClientAsync();
        var (_, otherBusiness) = await OwnerWithStatementsAsync("E");
        var token = (await client.GetAsync($"/businesses/{own.Id}/self-check")).AntiforgeryToken;

        var page = await client.GetAsync($"/businesses/{otherBusiness.Id}/self-check");
        var post = await client.PostWithoutFollowingAsync(
            $"/businesses/{otherBusiness.Id}/self-check/answers", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Vision"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task TheQuestionnaire_KeepsTheAnswersWithTheProfile_AndATooLongOneIsRefusedBesideItsField()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        var page = await client.GetAsync($"/businesses/{business.Id}/self-check");

        var saved = await client.SubmitFormAsync(page, [("Vision", "地域の製造業を支える"), ("Strengths", "精密加工")], "form[action$='/self-check/answers']");
        Assert.Equal("地域の製造業を支える", saved.Document.QuerySelector("#Vision")!.TextContent);
        Assert.Equal(2, await factory.WithDbAsync(db => db.SelfCheckAnswers.CountAsync(a => a.BusinessId == business.Id)));

        var tooLong = new string('あ', NonFinancial.MaxAnswerLength + 1);
        var refused = await client.SubmitFormAsync(saved, [("Vision", ""), ("Market", tooLong)], "form[action$='/self-check/answers']");
        Assert.Contains("1000文字以内", refused.Text("#Market-error"), StringComparison.Ordinal);
        Assert.Equal(tooLong, refused.Document.QuerySelector("#Market")!.TextContent);
        Assert.Equal("地域の製造業を支える", await factory.WithDbAsync(db => db.SelfCheckAnswers.Where(a => a.BusinessId == business.Id && a.Question == "Vision").Select(a => a.Answer).SingleAsync()));

        var export = await client.GetAsync($"/businesses/{business.Id}/export/csv/self-check-answers");
        Assert.Contains("精密加工", await export.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static readonly (string Name, string? Value)[] TypedFigures =
    [
        ("Sales", "120,000,000"), ("PreviousSales", "100000000"), ("OperatingProfit", "6000000"), ("Depreciation", "4000000"), ("CashAndDeposits", "20000000"),
        ("Receivables", "15000000"), ("Inventory", "8000000"), ("Payables", "9000000"), ("Borrowings", "50000000"),
        ("NetAssets", "30000000"), ("TotalAssets", "100000000"), ("Employees", "15"),
    ];

    [Fact]
    public async Task TryingWithoutSaving_ScoresTheTypedFigures_ForTheYearEndTyped_AndStoresNothing()
    {
        await factory.PublishBenchmarksAsync("E");
        using var anonymous = factory.CreatePortalClient();
        var years = await factory.WithDbAsync(db => db.FinancialYears.CountAsync());
        var form = await anonymous.GetAsync("/self-check/try?culture=en");
        // A real year end to start from (the latest 31 March), never today.
        var offered = Web.Features.SelfCheck.TryForm.DefaultClosing(JapanTime.DateOf(DateTime.UtcNow));
        Assert.Equal(offered.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), form.Document.QuerySelector("#ClosingDate")!.GetAttribute("value"));

        var refused = await anonymous.SubmitFormAsync(form, [("Industry", "E"), ("Sales", "120,000,000"), ("Employees", "-1"), ("ClosingDate", "2999-03-31")]);
        Assert.Contains("cannot be negative", refused.Text("#Employees-error"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("today or earlier", refused.Text("#ClosingDate-error"), StringComparison.Ordinal);
        Assert.Equal("120,000,000", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#Sales")!).Value);

        var scored = await anonymous.SubmitFormAsync(refused, [.. TypedFigures, ("ClosingDate", "2025-12-31")]);
        Assert.Contains("Rank B", scored.Text(".rank"), StringComparison.Ordinal);
        Assert.Equal("Overall (fiscal year ending 31 December 2025)", scored.Text("#rank-title"));
        Assert.Equal(["20.0%", "5.0%", "400.0 thousand yen", "3.0 times", "1.4 months", "30.0%"], Column(scored, "indicators", 2));
        Assert.Equal(years, await factory.WithDbAsync(db => db.FinancialYears.CountAsync()));
    }

    [Fact]
    public async Task TryingForAnIndustryWithoutPublishedThresholds_ComputesTheIndicators_WithoutScores()
    {
        using var anonymous = factory.CreatePortalClient();
        var form = await anonymous.GetAsync("/self-check/try");

        var page = await anonymous.SubmitFormAsync(form, [.. TypedFigures, ("Industry", "D"), ("ClosingDate", "2026-03-31")]);

        Assert.Equal("2026年（令和8年）3月31日終了の事業年度の6つの指標", page.Text("#rank-title"));
        Assert.Contains("業種「D 建設業」については", page.Text(".not-published"), StringComparison.Ordinal);
        Assert.Equal(["20.0％", "5.0％", "400.0千円", "3.0倍", "1.4か月", "30.0％"], Column(page, "indicators", 2));
        Assert.Null(page.Document.QuerySelector(".rank"));
        Assert.DoesNotContain("DOMAIN", page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSelfCheckPage_AsksPeopleToLogIn_InTheSitesWord()
    {
        using var anonymous = factory.CreatePortalClient();

        var page = await anonymous.GetAsync("/self-check");

        Assert.Contains("ログインすると", page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("サインイン", page.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABusinessUser_CannotEditThresholds()
    {
        var (client, _, _) = await factory.CreateOwnerClientAsync();
        var token = (await client.GetAsync("/self-check/try")).AntiforgeryToken;

        var page = await client.GetAsync("/admin/self-check");
        var post = await client.PostWithoutFollowingAsync("/admin/self-check/industries/F/SalesGrowth", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["T1"] = "1",
            ["T2"] = "2",
            ["T3"] = "3",
            ["T4"] = "4",
            ["Source"] = "x",
            ["PublishedOn"] = "2026-01-01",
        });

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.BenchmarkThresholds.AnyAsync(t => t.Industry == "F")));
    }
}
