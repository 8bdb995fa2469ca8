using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

[Collection(nameof(PortalCollection))]
public class MeasureImportTests(SmeAppFactory factory)
{
    private Task<PortalClient> AdministratorAsync() => factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);

    private static async Task<Page> UploadAsync(PortalClient client, string fixture, string intent, bool publish = false)
    {
        var form = await client.GetAsync("/admin/measures/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken), "__RequestVerificationToken" },
            { new StringContent(fixture.EndsWith(".csv", StringComparison.Ordinal) ? "Csv" : "JGrantsJson"), "Form.Format" },
            { new StringContent(intent), "intent" },
        };
        if (publish)
        {
            content.Add(new StringContent("true"), "Form.Publish");
        }

        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Fixtures.PathOf(fixture)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Form.File", fixture);
        return await client.SendAsync(HttpMethod.Post, "/admin/measures/import", content);
    }

    private static List<(string Row, string Id, string Action, string Reasons)> Plan(Page page) =>
        [.. page.Document.QuerySelectorAll(".import-plan tbody tr").Select(r =>
            (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim(), r.GetAttribute("data-action")!, r.Children[4].TextContent.Trim()))];

    [Fact]
    public async Task JGrantsFile_DryRun_ListsWhatWouldHappen_WithUnmappedValues_AndChangesNothing()
    {
        using var client = await AdministratorAsync();

        var page = await UploadAsync(client, "jgrants-subsidies.json", "dryrun");

        var plan = Plan(page);
        Assert.Equal(4, plan.Count);
        Assert.All(plan, row => Assert.NotEqual("Refuse", row.Action));
        Assert.Contains("宇宙産業", plan[0].Reasons, StringComparison.Ordinal);
        Assert.Contains("まちづくり・地域振興支援がほしい", plan[0].Reasons, StringComparison.Ordinal);
        Assert.Contains("要確認", plan[0].Reasons, StringComparison.Ordinal);
        Assert.Contains("大江戸県", plan[1].Reasons, StringComparison.Ordinal);
        Assert.Contains("定額", plan[1].Reasons, StringComparison.Ordinal);
        Assert.Contains("ftp://example.jp/old", plan[1].Reasons, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("button[value=import]"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.ExternalId == "a0WJ2000002Ab3cMAC" && m.UpdatedAtUtc > DateTime.UtcNow.AddSeconds(-5))));
    }

    [Fact]
    public async Task JGrantsFile_Imports_MappedToCodes_WithSanitisedHtml_AndAgainAsUpdates()
    {
        using var client = await AdministratorAsync();
        var dryRun = await UploadAsync(client, "jgrants-subsidies.json", "dryrun", publish: true);

        var imported = await client.SubmitFormAsync(dryRun, [], "main form", ("intent", "import"));

        Assert.Contains("取り込みました", imported.Text("[role=status]"), StringComparison.Ordinal);
        var measure = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.ExternalId == "a0WJ2000002Ab3cMAC"));
        Assert.Equal(MeasureStatus.Published, measure.Status);
        Assert.Equal(["D", "E", "I"], measure.Eligibility.Industries.Select(i => i.JsicCode).Order(StringComparer.Ordinal));
        Assert.Equal([Purpose.EquipmentInvestment, Purpose.ItDx, Purpose.EnergySavingGx], measure.Purposes.Select(p => p.Purpose).Order());
        Assert.Empty(measure.Eligibility.Regions);
        Assert.Equal(300, measure.Eligibility.MaxEmployees);
        // Two rates depending on the size class: kept as written and marked 要確認, never read as its first fraction.
        Assert.True(measure.TermsNeedReview);
        Assert.True(measure.Terms.IsEmpty);
        Assert.Equal("１／２以内（小規模事業者は２／３）", measure.RateTextJa);
        Assert.Equal(50_000_000, measure.MaxAmountYen);
        Assert.Equal(new DateTime(2027, 1, 29, 8, 0, 0, DateTimeKind.Utc), measure.AcceptanceEndUtc);
        Assert.DoesNotContain("script", measure.BodyJa, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", measure.BodyJa, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", measure.BodyJa, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://www.example.go.jp/koubo", measure.BodyJa, StringComparison.Ordinal);
        var regional = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.ExternalId == "a0WJ2000002Xy9zMAC"));
        Assert.Equal(["13", "14"], regional.Eligibility.Regions.Select(r => r.PrefectureCode).Order(StringComparer.Ordinal));
        Assert.Equal(1_500_000, regional.MaxAmountYen);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), regional.AcceptanceStartUtc);   // 09:00 JST, no offset given
        Assert.Null(regional.OfficialUrl);

        using var visitor = factory.CreatePortalClient();
        var page = await visitor.GetAsync($"/measures/{measure.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("省エネ設備", page.Text(".measure-body"), StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector(".measure-body script, .measure-body img, .measure-body [onclick]"));

        var again = Plan(await UploadAsync(client, "jgrants-subsidies.json", "dryrun"));
        Assert.All(again, row => Assert.Equal("Update", row.Action));
    }

    [Fact]
    public async Task FileWithOneBadRow_ImportsNothing_AndSaysWhichRowAndWhy()
    {
        using var client = await AdministratorAsync();

        var page = await UploadAsync(client, "subsidies-one-bad-row.csv", "import");

        var plan = Plan(page);
        Assert.Equal(["Create", "Refuse", "Create"], plan.Select(r => r.Action));
        Assert.Equal("3", plan[1].Row);
        Assert.Contains("受付終了が受付開始より前です", plan[1].Reasons, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("button[value=import]"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.ExternalId!.StartsWith("CSV-000"))));
    }

    [Fact]
    public async Task CsvFile_WithQuotedCommasAndLineBreaks_Imports()
    {
        using var client = await AdministratorAsync();

        var page = await UploadAsync(client, "subsidies-good.csv", "import");

        Assert.Contains("取り込みました", page.Text("[role=status]"), StringComparison.Ordinal);
        var first = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.ExternalId == "CSV-1001"));
        Assert.Equal("CSV取り込みテスト補助金、カンマ入り", first.TitleJa);
        Assert.Equal("CSV Import Test Subsidy", first.TitleEn);
        Assert.Contains("改行も\n含みます", first.BodyJa.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(MeasureStatus.Draft, first.Status);
        // One rate for everyone is read with certainty: one row of terms, confirmed.
        Assert.False(first.TermsNeedReview);
        var row = Assert.Single(first.Terms.Rows);
        Assert.Equal(("1/2", 3_000_000L), (row.Rate?.ToString(), row.MaxYen));
        // A maximum without any stated rate is not guessed at.
        var second = await factory.WithDbAsync(db => db.SupportMeasures.AsNoTracking().SingleAsync(m => m.ExternalId == "CSV-1002"));
        Assert.True(second.TermsNeedReview);
        Assert.Equal(2_000_000, second.MaxAmountYen);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "measure.imported" && e.SubjectId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task NoFile_OrNotJson_GetsAMessageBesideTheField()
    {
        using var client = await AdministratorAsync();
        var form = await client.GetAsync("/admin/measures/import");

        var noFile = await client.SubmitFormAsync(form, [], "main form", ("intent", "dryrun"));
        var notJson = await UploadAsJsonAsync(client);

        Assert.Contains("取り込むファイルを選んでください", noFile.ErrorFor("Form_File"), StringComparison.Ordinal);
        Assert.Contains("JSON として読めません", notJson.ErrorFor("Form_File"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeFile_GoesFromDryRunToImport()
    {
        using var client = await AdministratorAsync();
        var prefix = $"BIG-{Guid.NewGuid():N}"[..12];
        var rows = Enumerable.Range(1, 2500).Select(i => new Dictionary<string, object>
        {
            ["id"] = $"{prefix}-{i}",
            ["title"] = $"大きなファイルの補助金 {i}",
            ["detail"] = $"<p>{new string('a', 1300)}</p>",
            ["subsidy_max_limit"] = 1_000_000,
        });
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { result = rows });
        Assert.True(json.Length > 3_000_000, $"{json.Length} bytes");
        var form = await client.GetAsync("/admin/measures/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken), "__RequestVerificationToken" },
            { new StringContent("JGrantsJson"), "Form.Format" },
            { new StringContent("dryrun"), "intent" },
            { new ByteArrayContent(json), "Form.File", "large.json" },
        };
        var dryRun = await client.SendAsync(HttpMethod.Post, "/admin/measures/import", content);

        var imported = await client.SubmitFormAsync(dryRun, [], "main form", ("intent", "import"));

        Assert.Contains("取り込みました", imported.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2500, await factory.WithDbAsync(db => db.SupportMeasures.CountAsync(m => m.ExternalId!.StartsWith(prefix))));
    }

    private static async Task<Page> UploadAsJsonAsync(PortalClient client)
    {
        var form = await client.GetAsync("/admin/measures/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.AntiforgeryToken), "__RequestVerificationToken" },
            { new StringContent("JGrantsJson"), "Form.Format" },
            { new StringContent("dryrun"), "intent" },
            { new StringContent("this is not json"), "Form.File", "measures.json" },
        };
        return await client.SendAsync(HttpMethod.Post, "/admin/measures/import", content);
    }
}
