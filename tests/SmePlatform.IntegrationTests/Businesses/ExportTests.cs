using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class ExportTests(SmeAppFactory factory)
{
    [Fact]
    public async Task Owner_DownloadsEverything_AsJson_AndEachTableAsCsv()
    {
        var (client, owner, business) = await factory.CreateOwnerClientAsync();
        using var _ = client;
        var basics = await client.GetAsync($"/businesses/{business.Id}/profile/basics");
        await client.SubmitFormAsync(basics, [("City", "千代田区")], submit: ("intent", "save"));
        var financials = await client.GetAsync($"/businesses/{business.Id}/profile/financials");
        await client.SubmitFormAsync(financials, [("ClosingDate", "2025-03-31"), ("Sales", "98765432")]);

        using var json = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/json", UriKind.Relative));
        using var csv = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/business", UriKind.Relative));
        using var changes = await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/changes", UriKind.Relative));

        var all = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(
            ["business", "purposes", "financials", "shareholders", "officers", "self-check-answers", "members", "invitations", "changes", "consents", "reads", "applications", "application-answers", "application-expenses"],
            all.EnumerateObject().Select(p => p.Name));
        Assert.Equal("テスト工業株式会社", all.GetProperty("business")[0].GetProperty("Name").GetString());
        Assert.Contains(all.GetProperty("changes").EnumerateArray(), c => c.GetProperty("NewValue").GetString() == "千代田区");
        Assert.Equal(owner.Email, all.GetProperty("members")[0].GetProperty("Email").GetString());
        Assert.Equal(98_765_432, all.GetProperty("financials")[0].GetProperty("Sales").GetInt64());
        Assert.Equal("2025-03-31", all.GetProperty("financials")[0].GetProperty("ClosingDate").GetString());
        Assert.Matches(JapanTimeIso, all.GetProperty("business")[0].GetProperty("CreatedAt").GetString());

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Lines(bytes);
        // Two header rows: the columns' names as people read them, then their keys (the JSON's names).
        Assert.StartsWith("事業者ID,事業形態,法人番号,名称,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Id,LegalForm,CorporateNumber,Name,", lines[1], StringComparison.Ordinal);
        Assert.Contains("千代田区", lines[2], StringComparison.Ordinal);
        Assert.Matches(JapanTimeIso, lines[2].Split(',')[^1]);
        var changeLines = Lines(await changes.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("変更日時,項目,変更前,変更後,", changeLines[0], StringComparison.Ordinal);
        Assert.Contains(changeLines.Skip(2), line => line.Contains("千代田区", StringComparison.Ordinal) && JapanTimeIso.IsMatch(line.Split(',')[0]));
        // No US-format or UTC times anywhere.
        Assert.DoesNotMatch(@"\d{1,2}/\d{1,2}/\d{4}", string.Join("\n", changeLines));
    }

    [Fact]
    public async Task TheExport_HoldsTheApplications_WithTheirAnswersAndExpenseLines()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var number = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Number).SingleAsync());
        var theme = await factory.WithDbAsync(db => db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == "theme").Select(a => a.Value).SingleAsync());

        var applications = Lines(await (await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/applications", UriKind.Relative))).Content.ReadAsByteArrayAsync());
        var answers = Lines(await (await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/application-answers", UriKind.Relative))).Content.ReadAsByteArrayAsync());
        var expenses = Lines(await (await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/application-expenses", UriKind.Relative))).Content.ReadAsByteArrayAsync());

        Assert.StartsWith("申請ID,申請番号,支援策のID,支援策の名称,状況,", applications[0], StringComparison.Ordinal);
        Assert.StartsWith("Id,Number,Measure,MeasureTitle,Status,", applications[1], StringComparison.Ordinal);
        var row = Assert.Single(applications.Skip(2));
        Assert.StartsWith($"{applicationId},{number},monozukuri-2026,", row, StringComparison.Ordinal);
        Assert.Contains(",ReturnedForCorrection,", row, StringComparison.Ordinal);
        Assert.Equal(["申請ID", "申請番号", "項目キー", "設問", "回答"], answers[0].Split(','));
        Assert.Contains(answers.Skip(2), line => line.StartsWith($"{applicationId},{number},theme,", StringComparison.Ordinal) && line.Contains(theme, StringComparison.Ordinal));
        Assert.Contains(expenses.Skip(2), line => line.Contains("NC旋盤", StringComparison.Ordinal) && line.EndsWith(",3000000", StringComparison.Ordinal));
    }

    private static readonly Regex JapanTimeIso = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$");

    private static string[] Lines(byte[] csv) => Encoding.UTF8.GetString(csv[3..]).ReplaceLineEndings("\n").Trim().Split('\n');

    [Fact]
    public async Task AnUnknownTable_Is404()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        using var __ = client;

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/businesses/{business.Id}/export/csv/secrets")).Status);
    }
}
