using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Configurations;

namespace SmePlatform.IntegrationTests.SelfCheck;

[Collection(nameof(PortalCollection))]
public class SelfCheckTests(SmeAppFactory factory)
{
    /// <summary>The worked example of LocalBenchmarkTests: sales ¥120m after ¥100m, 15 employees, borrowings ¥50m.</summary>
    private static FinancialYear ThisYear(int businessId) => new()
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
        Employees = 15,
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

    [Fact]
    public async Task TwoYearsOfStatements_ShowEachIndicatorWithItsFormula_ScoresRankAndSource()
    {
        var (client, business) = await OwnerWithStatementsAsync("E");

        var page = await client.GetAsync($"/businesses/{business.Id}/self-check");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["20.0％", "5.0％", "400.0千円", "3.0倍", "1.4か月", "30.0％"], Column(page, "indicators", 2));
        // Starter thresholds: growth (-5, 0, 5, 10), margin (0, 2, 4, 8), productivity (0, 500, 1500, 3000),
        // debt (2, 5, 10, 15; lower better), working capital (0.5, 1, 2, 3; lower better), equity (0, 10, 30, 50).
        Assert.Equal(["5点", "4点", "2点", "4点", "3点", "4点"], Column(page, "indicators", 3));
        Assert.Contains("売上高 ÷ 前期の売上高 − 1", Column(page, "indicators", 1)[0], StringComparison.Ordinal);
        Assert.Contains("ランク B", page.Text(".rank"), StringComparison.Ordinal);
        Assert.Contains("合計 22点／30点", page.Text(".rank"), StringComparison.Ordinal);
        Assert.Contains("初期値（仮の値", page.Text(".sources"), StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("canvas[data-radar][role=img]"));
        // The weak indicator (productivity, 2 points) is named with the purposes that address it.
        Assert.Contains("労働生産性（2点）", page.Text("#remedies-title ~ h3"), StringComparison.Ordinal);
        // History: the older year cannot be ranked (it has no year before it).
        Assert.Equal(["2026年（令和8年）3月31日", "2025年（令和7年）3月31日"], page.Document.QuerySelectorAll("table.history tbody th").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task AnIndicatorThatCannotBeComputed_SaysWhy_AndNoRankIsGiven()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        await factory.WithDbAsync(db =>
        {
            var year = ThisYear(business.Id);
            year.Employees = 0;
            db.FinancialYears.Add(year);
            return db.SaveChangesAsync();
        });

        var page = await client.GetAsync($"/businesses/{business.Id}/self-check?culture=en");

        var values = Column(page, "indicators", 2);
        Assert.Equal("Cannot be computed: there is no previous year (two years are needed).", values[0]);
        Assert.Equal("Cannot be computed: Employees is zero, and cannot be divided by.", values[2]);
        Assert.Contains("The rank is shown once all six indicators have a score.", page.Text(".rank"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThresholdsChangedByAnAdministrator_ChangeTheScores_AndTheSourceShown()
    {
        // Industry B (fishery) gets its own thresholds, so no other test's scores move.
        var (client, business) = await OwnerWithStatementsAsync("B");
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var index = await admin.GetAsync("/admin/self-check");
        await admin.SubmitFormAsync(index, [("industry", "B")], "form[action='/admin/self-check/industries']");
        var growthId = await factory.WithDbAsync(db => db.BenchmarkThresholds.Where(t => t.Industry == "B" && t.Indicator == Indicator.SalesGrowth).Select(t => t.Id).SingleAsync());

        var before = await client.GetAsync($"/businesses/{business.Id}/self-check");
        Assert.Equal("5点", Column(before, "indicators", 3)[0]);

        var editor = await admin.GetAsync($"/admin/self-check/thresholds/{growthId}");
        var saved = await admin.SubmitFormAsync(editor, [("T1", "10"), ("T2", "20.5"), ("T3", "30"), ("T4", "40"), ("Source", "水産業の基準値（テスト用）"), ("PublishedOn", "2026-04-01")]);
        Assert.Equal("/admin/self-check", saved.Url.AbsolutePath);

        var after = await client.GetAsync($"/businesses/{business.Id}/self-check");
        Assert.Equal("2点", Column(after, "indicators", 3)[0]); // 20 % now reaches only the first threshold
        Assert.Contains("10 / 20.5 / 30 / 40", Column(after, "indicators", 4)[0], StringComparison.Ordinal);
        Assert.Contains("水産業の基準値（テスト用） (2026年（令和8年）4月1日公表)", after.Text(".sources"), StringComparison.Ordinal);
        Assert.Contains("業種「B 漁業」の基準値", after.Text("#sources-title ~ p"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "benchmark.thresholds.edited" && e.SubjectId == growthId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task ThresholdsOutOfOrder_AreRefusedBesideTheField_WithWhatWasTypedKept()
    {
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);
        var editor = await admin.GetAsync("/admin/self-check/thresholds/1");

        var refused = await admin.SubmitFormAsync(editor, [("T1", "5"), ("T2", "abc"), ("T3", "1"), ("T4", "0")]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("数値で入力", refused.Text("#T2-error"), StringComparison.Ordinal);
        Assert.Equal("abc", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#T2")!).Value);
        Assert.Equal(-5m, await factory.WithDbAsync(db => db.BenchmarkThresholds.Where(t => t.Id == 1).Select(t => t.T1).SingleAsync()));
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

    [Fact]
    public async Task TryingWithoutSaving_ScoresTheTypedFigures_AndStoresNothing()
    {
        using var anonymous = factory.CreatePortalClient();
        var years = await factory.WithDbAsync(db => db.FinancialYears.CountAsync());
        var form = await anonymous.GetAsync("/self-check/try?culture=en");

        var refused = await anonymous.SubmitFormAsync(form, [("Industry", "E"), ("Sales", "120,000,000"), ("Employees", "-1")]);
        Assert.Contains("cannot be negative", refused.Text("#Employees-error"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("120,000,000", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Document.QuerySelector("#Sales")!).Value);

        var scored = await anonymous.SubmitFormAsync(refused, [
            ("PreviousSales", "100000000"), ("OperatingProfit", "6000000"), ("Depreciation", "4000000"), ("CashAndDeposits", "20000000"),
            ("Receivables", "15000000"), ("Inventory", "8000000"), ("Payables", "9000000"), ("Borrowings", "50000000"),
            ("NetAssets", "30000000"), ("TotalAssets", "100000000"), ("Employees", "15")]);
        Assert.Contains("Rank B", scored.Text(".rank"), StringComparison.Ordinal);
        Assert.Equal(["20.0%", "5.0%", "400.0 thousand yen", "3.0 times", "1.4 months", "30.0%"], Column(scored, "indicators", 2));
        Assert.Equal(years, await factory.WithDbAsync(db => db.FinancialYears.CountAsync()));
    }

    [Fact]
    public async Task ABusinessUser_CannotEditThresholds()
    {
        var (client, _, _) = await factory.CreateOwnerClientAsync();

        var page = await client.GetAsync("/admin/self-check");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal(BenchmarkThresholdConfiguration.StarterSource, await factory.WithDbAsync(db => db.BenchmarkThresholds.Where(t => t.Id == 1).Select(t => t.Source).SingleAsync()));
    }
}
