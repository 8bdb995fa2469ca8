using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

[Collection(nameof(PortalCollection))]
public class MeasureEditorTests(SmeAppFactory factory)
{
    private Task<PortalClient> AdministratorAsync() => factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);

    private static List<(string, string?)> ValidMeasure(string slug) =>
    [
        ("Slug", slug),
        ("TitleJa", "テスト省エネ設備補助金"),
        ("TitleEn", "Test Energy Equipment Subsidy"),
        ("SummaryJa", "省エネ設備の導入を支援します。"),
        ("SummaryEn", "Supports energy-saving equipment."),
        ("Kind", "Subsidy"),
        ("Purposes", "EnergySavingGx"),
        ("Purposes", "EquipmentInvestment"),
        ("AgencyJa", "テスト経済産業局"),
        ("AgencyEn", "Test Bureau"),
        ("RateTextJa", "2/3以内"),
        ("RateTextEn", "Up to 2/3"),
        ("StartDate", "2026-11-01"),
        ("StartTime", "09:00"),
        ("EndDate", "2027-03-31"),
        ("EndTime", ""),
        ("SizeClass", "Sme"),
        ("MaxEmployees", "300"),
        ("Industries", "e ０９"),
        ("Regions", "13"),
        ("Regions", "14"),
        ("BodyFormat", "Markdown"),
        ("BodyJa", "[公募要領](https://www.example.go.jp/)を読んでください。"),
        ("BodyEn", "Read the guidelines."),
        ("OfficialUrl", "https://www.example.go.jp/"),
        ("MaxCapitalYen", "300,000,000"),
        ("MaxYearsSinceFounding", "10"),
        ("LegalForm", "Corporation"),
        ("DeemedLarge", "ExcludedWithTaxableIncome"),
        ("RequiresPurposeMatch", "true"),
        ("ExcludesRecipients", "true"),
        ("WarnOnly", "Purpose"),
    ];

    [Fact]
    public async Task BusinessUser_AndReviewer_Get403_OnTheEditor()
    {
        var business = await factory.CreateUserAsync();
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        foreach (var user in new[] { business, reviewer })
        {
            using var client = factory.CreatePortalClient();
            await client.SignInAsync(user);

            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/measures")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/measures/new")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/measures/import")).Status);
        }
    }

    [Fact]
    public async Task BadValues_AreRefused_BesideTheirFields_WithWhatWasTypedKept()
    {
        using var client = await AdministratorAsync();
        var form = await client.GetAsync("/admin/measures/new");
        var changes = ValidMeasure("monozukuri-2026");
        changes.RemoveAll(c => c.Item1 is "EndDate" or "BodyJa" or "Industries" or "TitleEn");
        changes.AddRange(
        [
            ("EndDate", "2026-10-01"), ("TitleEn", ""),
            ("BodyJa", "[ここ](javascript:alert(1))"), ("Industries", "E Z9"), ("MinYearsSinceFounding", "10"),
        ]);

        var page = await client.SubmitFormAsync(form, changes, submit: ("intent", "save"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("このURL名はほかの支援策で使われています", page.ErrorFor("Slug"), StringComparison.Ordinal);
        Assert.Contains("名称（英語）を入力してください", page.ErrorFor("TitleEn"), StringComparison.Ordinal);
        Assert.Contains("締切は受付開始より後", page.ErrorFor("EndDate"), StringComparison.Ordinal);
        Assert.Contains("javascript:alert(1)", page.ErrorFor("BodyJa"), StringComparison.Ordinal);
        Assert.Contains("Z9", page.ErrorFor("Industries"), StringComparison.Ordinal);
        Assert.Contains("「以上」を「未満」より小さく", page.ErrorFor("MaxYearsSinceFounding"), StringComparison.Ordinal);
        Assert.Equal(6, page.ErrorSummary.Count);
        Assert.Equal("[ここ](javascript:alert(1))", page.Document.QuerySelector("#BodyJa")!.TextContent);
        Assert.Equal(2, page.Document.QuerySelectorAll("input[name=Regions]:checked").Length);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.TitleJa == "テスト省エネ設備補助金" && m.Slug == "monozukuri-2026")));
    }

    /// <summary>A region posted blank (by hand: every checkbox has a code) is refused beside the field, not a 500.</summary>
    [Fact]
    public async Task ABlankRegion_IsRefusedBesideItsField()
    {
        using var client = await AdministratorAsync();
        var form = await client.GetAsync("/admin/measures/new");
        var changes = ValidMeasure("blank-region-" + Guid.NewGuid().ToString("N")[..8]);
        changes.RemoveAll(c => c.Item1 == "Regions");
        changes.AddRange([("Regions", "13"), ("Regions", " ")]);

        var page = await client.SubmitFormAsync(form, changes, submit: ("intent", "save"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("都道府県は一覧から選んでください", page.ErrorFor("Regions"));
    }

    [Fact]
    public async Task Create_Preview_Publish_Edit_Archive_ChangesTheCatalogue_AndEveryStepIsInTheHistory()
    {
        using var client = await AdministratorAsync();
        using var visitor = factory.CreatePortalClient();
        var slug = $"test-energy-{Guid.NewGuid():N}"[..24];
        var form = await client.GetAsync("/admin/measures/new");

        var preview = await client.SubmitFormAsync(form, ValidMeasure(slug), submit: ("intent", "preview"));
        Assert.Contains("テスト省エネ設備補助金", preview.Text(".preview"), StringComparison.Ordinal);
        Assert.Contains("2/3以内", preview.Text(".preview .key-facts"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.Slug == slug)));

        var created = await client.SubmitFormAsync(preview, [], submit: ("intent", "save"));
        var measure = await factory.WithDbAsync(db => db.SupportMeasures.SingleAsync(m => m.Slug == slug));
        Assert.Equal($"/admin/measures/{measure.Id}", created.Url.AbsolutePath);
        Assert.Equal(MeasureStatus.Draft, measure.Status);
        Assert.Equal(((long?)null, (long?)null), (measure.MinAmountYen, measure.MaxAmountYen));   // until its terms are written
        Assert.Equal(new DateTime(2027, 3, 31, 8, 0, 0, DateTimeKind.Utc), measure.AcceptanceEndUtc);   // 17:00 JST
        Assert.Equal(["09", "E"], measure.Eligibility.Industries.Select(i => i.JsicCode).Order(StringComparer.Ordinal));
        var rules = measure.Rules;
        Assert.Equal(
            (300_000_000L, (int?)null, (int?)10, LegalForm.Corporation, DeemedLargeExclusion.ExcludedWithTaxableIncome, true),
            (rules.MaxCapitalYen!.Value, rules.MinYearsSinceFounding, rules.MaxYearsSinceFounding, rules.LegalForms!.Single(), rules.DeemedLarge, rules.ExcludesRecipients));
        Assert.Equal([Purpose.EquipmentInvestment, Purpose.EnergySavingGx], rules.RequiredPurposes!.Order());
        Assert.Equal([RuleKind.Purpose], rules.WarnOnly!);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/measures/{slug}")).Status);

        var published = await client.SubmitFormAsync(created, [], $"form[action='/admin/measures/{measure.Id}/publish']");
        Assert.Contains("支援策を公開しました", published.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/measures/{slug}")).Status);
        Assert.Contains(slug, (await visitor.GetAsync($"/measures?q={Uri.EscapeDataString("テスト省エネ")}")).Document.QuerySelector(".results")!.InnerHtml, StringComparison.Ordinal);

        var edited = await client.SubmitFormAsync(published, [("RateTextJa", "2/3以内（上限1,200万円）")], "main form[action^='/admin/measures/'][novalidate]", ("intent", "save"));
        Assert.Contains("変更を保存しました", edited.Text("main"), StringComparison.Ordinal);
        var terms = await client.SubmitFormAsync(await client.GetAsync($"/admin/measures/{measure.Id}/terms"),
            [("Rows[0].Rate", "２／３"), ("Rows[0].MaxYen", "12,000,000"), ("Rows[0].MinYen", "1000000円")], "main form", ("intent", "save"));
        Assert.Contains("補助条件を保存しました", terms.Text("main"), StringComparison.Ordinal);
        var page = await visitor.GetAsync($"/measures/{slug}");
        Assert.Contains("1,000,000円 – 12,000,000円", page.Text(".key-facts"), StringComparison.Ordinal);
        Assert.Contains("2/3以内", page.Text(".terms-table"), StringComparison.Ordinal);

        var archived = await client.SubmitFormAsync(await client.GetAsync($"/admin/measures/{measure.Id}"), [], $"form[action='/admin/measures/{measure.Id}/archive']");
        Assert.Contains("アーカイブしました", archived.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(slug, (await visitor.GetAsync($"/measures?q={Uri.EscapeDataString("テスト省エネ")}")).Document.QuerySelector(".results")!.InnerHtml, StringComparison.Ordinal);

        var history = await client.GetAsync($"/admin/measures/{measure.Id}/history");
        var rows = history.Document.QuerySelectorAll("tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal(["アーカイブ", "補助条件の編集", "編集", "公開", "作成"], rows);
        Assert.Contains("行 1、枠 0、特例 0", history.Document.QuerySelectorAll("tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("補助率の表記（日本語）", history.Document.QuerySelectorAll("tbody tr")[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoEditors_OfTheSameVersion_TheSecondIsRefused_AndNothingIsLost()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Draft);
        using var first = await AdministratorAsync();
        using var second = await AdministratorAsync();
        var firstForm = await first.GetAsync($"/admin/measures/{measure.Id}");
        var secondForm = await second.GetAsync($"/admin/measures/{measure.Id}");
        const string editForm = "main form[novalidate]";

        await first.SubmitFormAsync(firstForm, [("TitleEn", "First editor's title")], editForm, ("intent", "save"));
        var refused = await second.SubmitFormAsync(secondForm, [("TitleEn", "Second editor's title")], editForm, ("intent", "save"));

        Assert.Contains("ほかの人が変更しました", string.Join(' ', refused.ErrorSummary), StringComparison.Ordinal);
        Assert.Equal("Second editor's title", refused.Document.QuerySelector("#TitleEn")!.GetAttribute("value"));
        Assert.Equal("First editor's title", await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id).Select(m => m.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task UnknownMeasure_Is404()
    {
        using var client = await AdministratorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/measures/999999")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/measures/999999/history")).Status);
    }
}
