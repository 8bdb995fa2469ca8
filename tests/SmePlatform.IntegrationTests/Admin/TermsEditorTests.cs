using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

/// <summary>The terms editor: rows that hold together are saved and shown everywhere; rows that do not are refused beside the row.</summary>
[Collection(nameof(PortalCollection))]
public class TermsEditorTests(SmeAppFactory factory)
{
    private const string Form = "main form";

    private static string Tables(Page page) => string.Join(' ', page.Document.QuerySelectorAll(".terms-table").Select(t => t.TextContent));

    private Task<PortalClient> AdministratorAsync() => factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);

    [Fact]
    public async Task TermsWithTracksBandsAndATopUp_AreSaved_AudittedAndShownOnThePublicPageAndTheApi()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        using var client = await AdministratorAsync();
        var page = await client.GetAsync($"/admin/measures/{measure.Id}/terms");
        page = await client.SubmitFormAsync(page, [], Form, ("intent", "add"));   // room for six rows

        var saved = await client.SubmitFormAsync(page,
        [
            ("RoundingUnitYen", "1000"),
            ("Tracks[0].Key", "normal"), ("Tracks[0].NameJa", "通常枠"), ("Tracks[0].NameEn", "Standard track"),
            ("TopUps[0].Key", "wage"), ("TopUps[0].NameJa", "賃上げ特例"), ("TopUps[0].NameEn", "Wage top-up"),
            ("TopUps[0].CommitmentJa", "事業場内最低賃金を地域別最低賃金＋５０円以上にします。"), ("TopUps[0].CommitmentEn", "We raise total wages by 3% a year."),
            ("Rows[0].Track", "normal"), ("Rows[0].Size", "SmallScale"), ("Rows[0].Rate", "2/3"), ("Rows[0].MaxYen", "500,000"),
            ("Rows[1].Track", "normal"), ("Rows[1].Size", "SmallScale"), ("Rows[1].BandFromYen", "500000"), ("Rows[1].Rate", "1/2"), ("Rows[1].MaxYen", "2,000,000"),
            ("Rows[2].Track", "normal"), ("Rows[2].Size", "NotSmallScale"), ("Rows[2].Rate", "１／２"), ("Rows[2].MaxYen", "2000000"), ("Rows[2].MinYen", "100000"),
            ("Rows[3].TopUp", "wage"), ("Rows[3].RaiseMaxYen", "1,000,000"),
        ], Form, ("intent", "save"));

        Assert.Empty(saved.ErrorSummary);
        Assert.Contains("補助条件を保存しました", saved.Text("main"), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.Id == measure.Id));
        Assert.Equal((4, 1_000L, 3_000_000L, 100_000L), (stored.Terms.Rows.Count, stored.Terms.RoundingUnitYen, stored.MaxAmountYen!.Value, stored.MinAmountYen!.Value));
        // Text is kept as typed: saving again does not rewrite 「＋５０円」 that nobody edited.
        await client.SubmitFormAsync(await client.GetAsync($"/admin/measures/{measure.Id}/terms"), [("Rows[2].MinYen", "200000")], Form, ("intent", "save"));
        var again = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.Id == measure.Id));
        Assert.Equal("事業場内最低賃金を地域別最低賃金＋５０円以上にします。", again.Terms.TopUps[0].CommitmentJa);
        Assert.Equal(200_000, again.MinAmountYen);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "measure.terms-edited" && e.SubjectId == measure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        using var visitor = factory.CreatePortalClient();
        var table = Tables(await visitor.GetAsync($"/measures/{measure.Slug}"));
        foreach (var shown in new[] { "通常枠", "小規模事業者", "2/3以内", "補助額 500,000円 以下の部分", "補助額 500,000円 を超え 2,000,000円 以下の部分", "賃上げ特例", "上限額を 1,000,000円 引上げ" })
        {
            Assert.Contains(shown, table, StringComparison.Ordinal);
        }

        var english = Tables(await visitor.GetAsync($"/measures/{measure.Slug}?culture=en"));
        Assert.Contains("Small-scale businesses", english, StringComparison.Ordinal);
        Assert.Contains("the part of the subsidy up to ¥500,000", english, StringComparison.Ordinal);

        using var api = await visitor.Http.GetAsync(new Uri($"/api/v1/subsidies/id/{measure.Slug}", UriKind.Relative));
        using var json = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var document = json.RootElement.GetProperty("result")[0];
        Assert.Equal(4, document.GetProperty("terms").GetArrayLength());
        Assert.Equal(500_000, document.GetProperty("terms")[1].GetProperty("band_from_yen").GetInt64());
    }

    [Fact]
    public async Task OverlappingRows_AGapBetweenBrackets_AndUnreadableValues_AreRefusedBesideTheRow_AndNothingTypedIsLost()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Draft);
        using var client = await AdministratorAsync();
        var page = await client.GetAsync($"/admin/measures/{measure.Id}/terms");

        var unreadable = await client.SubmitFormAsync(page, [("Rows[0].Rate", "3/2"), ("Rows[0].MaxYen", "たくさん"), ("Rows[1].MinEmployees", "-1"), ("Rows[1].Rate", "1/2")], Form, ("intent", "save"));
        Assert.Contains("分数で入力してください", unreadable.ErrorFor("Rows_0__Rate"), StringComparison.Ordinal);
        Assert.Contains("0以上の整数", unreadable.ErrorFor("Rows_0__MaxYen"), StringComparison.Ordinal);
        Assert.Contains("0以上の整数", unreadable.ErrorFor("Rows_1__MinEmployees"), StringComparison.Ordinal);
        Assert.Equal("たくさん", unreadable.Document.QuerySelector("#Rows_0__MaxYen")!.GetAttribute("value"));

        var overlap = await client.SubmitFormAsync(unreadable,
        [
            ("Rows[0].Rate", "1/2"), ("Rows[0].MaxYen", "1000000"), ("Rows[0].MaxEmployees", "20"),
            ("Rows[1].MinEmployees", "10"), ("Rows[1].MaxEmployees", "30"), ("Rows[1].Rate", "2/3"), ("Rows[1].MaxYen", "2000000"),
        ], Form, ("intent", "save"));
        Assert.Contains("行1と行2は同じ事業者に当てはまります", overlap.ErrorFor("Rows_1__Track"), StringComparison.Ordinal);

        var gap = await client.SubmitFormAsync(overlap,
        [
            ("Rows[0].Size", "SmallScale"), ("Rows[0].MaxEmployees", "5"),
            ("Rows[1].Size", "SmallScale"), ("Rows[1].MinEmployees", "8"), ("Rows[1].MaxEmployees", "20"),
        ], Form, ("intent", "save"));
        Assert.Contains("小規模事業者で、従業員 6〜7人 に当てはまる行がありません", gap.ErrorFor("Rows_1__Track"), StringComparison.Ordinal);
        Assert.Equal("8", gap.Document.QuerySelector("#Rows_1__MinEmployees")!.GetAttribute("value"));

        Assert.True(await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id).Select(m => m.Terms).SingleAsync()) is { IsEmpty: true });
    }

    [Fact]
    public async Task TermsAnImportCouldNotRead_AreMarkedForStaff_AndConfirmedBySavingThem()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.SupportMeasures.SingleAsync(m => m.Id == measure.Id);
            tracked.SetUnreadTerms(5_000_000);
            tracked.RateTextJa = "1/2以内（小規模事業者は2/3以内）";
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<Web.Features.Catalogue.CatalogueIndex>().Invalidate();
        using var client = await AdministratorAsync();
        using var visitor = factory.CreatePortalClient();

        Assert.Contains("補助条件は要確認", (await client.GetAsync("/admin/measures")).Text("main table"), StringComparison.Ordinal);
        Assert.Contains("補助条件は確認中です", (await visitor.GetAsync($"/measures/{measure.Slug}")).Text("main"), StringComparison.Ordinal);
        var editor = await client.GetAsync($"/admin/measures/{measure.Id}/terms");
        Assert.Contains("1/2以内（小規模事業者は2/3以内）", editor.Text(".notice-warning"), StringComparison.Ordinal);

        await client.SubmitFormAsync(editor,
        [
            ("Rows[0].Size", "SmallScale"), ("Rows[0].Rate", "2/3"), ("Rows[0].MaxYen", "5000000"),
            ("Rows[1].Size", "NotSmallScale"), ("Rows[1].Rate", "1/2"), ("Rows[1].MaxYen", "5000000"),
        ], Form, ("intent", "save"));

        var confirmed = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.Id == measure.Id));
        Assert.False(confirmed.TermsNeedReview);
        Assert.DoesNotContain("補助条件は確認中です", (await visitor.GetAsync($"/measures/{measure.Slug}")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdministrators_EditTerms_AndAnUnknownMeasureIs404()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Draft);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        using var administrator = await AdministratorAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync($"/admin/measures/{measure.Id}/terms")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await administrator.GetAsync("/admin/measures/999999/terms")).Status);
    }
}
