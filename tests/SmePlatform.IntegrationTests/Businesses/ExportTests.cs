using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;

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
        Assert.Contains(",差戻し（修正待ち）,", row, StringComparison.Ordinal);
        Assert.Equal(["申請ID", "申請番号", "項目キー", "設問", "回答"], answers[0].Split(','));
        Assert.Contains(answers.Skip(2), line => line.StartsWith($"{applicationId},{number},theme,", StringComparison.Ordinal) && line.Contains(theme, StringComparison.Ordinal));
        Assert.Contains(expenses.Skip(2), line => line.Contains("NC旋盤", StringComparison.Ordinal) && line.EndsWith(",3000000", StringComparison.Ordinal));
    }

    /// <summary>
    /// The CSV files are for people, opened in a spreadsheet: every code is written as the pages show it, in the reader's
    /// language — a choice by its label, a status, category, legal form or item group by its name, yes or no, the
    /// prefecture by its name beside its code, the phone number and postal code with hyphens. The JSON keeps the codes.
    /// </summary>
    [Fact]
    public async Task TheCsv_WritesValuesAsPeopleReadThem_AndTheJsonKeepsTheCodes()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Shareholders.Add(new ShareholderRecord { BusinessId = business.Id, HolderName = "大手商事株式会社", ShareBasisPoints = 6_000, IsLargeEnterprise = true });
            db.ConsentGrants.Add(new ConsentGrant { BusinessId = business.Id, PartnerId = 1, Group = ItemGroup.Basics, Purpose = "融資の審査", GrantedAtUtc = now, GrantedByUserId = owner.Id, ExpiresAtUtc = now.AddDays(30) });
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var basics = await client.GetAsync($"/businesses/{business.Id}/profile/basics");
        await client.SubmitFormAsync(basics, [("Phone", "03-0000-0000")], submit: ("intent", "save"));

        async Task<Dictionary<string, string>[]> CsvAsync(string table, string culture)
        {
            var bytes = await (await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/csv/{table}?culture={culture}", UriKind.Relative))).Content.ReadAsByteArrayAsync();
            using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(Encoding.UTF8.GetString(bytes[3..]))) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
            var rows = new List<string[]>();
            while (!parser.EndOfData)
            {
                rows.Add(parser.ReadFields()!);
            }

            return [.. rows.Skip(2).Select(row => rows[1].Select((key, i) => (key, row[i])).ToDictionary(c => c.key, c => c.Item2, StringComparer.Ordinal))];
        }

        var company = Assert.Single(await CsvAsync("business", "ja"));
        Assert.Equal(("法人", "確認済み", "13", "東京都"), (company["LegalForm"], company["Verification"], company["PrefectureCode"], company["Prefecture"]));
        Assert.Equal(("03-0000-0000", "100-0013"), (company["Phone"], company["PostalCode"]));
        Assert.Equal(("E", "製造業"), (company["IndustryMajor"], company["IndustryMajorName"]));
        Assert.Equal("差戻し（修正待ち）", Assert.Single(await CsvAsync("applications", "ja"))["Status"]);
        var answers = await CsvAsync("application-answers", "ja");
        Assert.Equal("1.5%以上", answers.Single(a => a["FieldKey"] == "wageRaise")["Answer"]);
        Assert.Equal("機械装置費", Assert.Single(await CsvAsync("application-expenses", "ja"))["Category"]);
        var consent = Assert.Single(await CsvAsync("consents", "ja"));
        Assert.Equal("基本情報", consent["Group"]);
        Assert.NotEmpty(consent["Partner"]);
        var holder = Assert.Single(await CsvAsync("shareholders", "ja"));
        Assert.Equal(("はい", "いいえ"), (holder["IsLargeEnterprise"], holder["IsDeemedLarge"]));
        Assert.Equal("管理者", Assert.Single(await CsvAsync("members", "ja"))["Role"]);
        var phone = Assert.Single(await CsvAsync("changes", "ja"), c => c["Field"] == "電話番号");
        Assert.Equal(("03-1234-5678", "03-0000-0000", "自己申告"), (phone["OldValue"], phone["NewValue"], phone["Source"]));

        var inEnglish = Assert.Single(await CsvAsync("business", "en"));
        Assert.Equal(("Company (corporation)", "Confirmed", "Tokyo", "Manufacturing"), (inEnglish["LegalForm"], inEnglish["Verification"], inEnglish["Prefecture"], inEnglish["IndustryMajorName"]));
        Assert.Equal("1.5% or more", (await CsvAsync("application-answers", "en")).Single(a => a["FieldKey"] == "wageRaise")["Answer"]);
        Assert.Equal("Returned for correction", Assert.Single(await CsvAsync("applications", "en"))["Status"]);

        // The JSON is for programs: the codes as stored.
        var all = JsonDocument.Parse(await (await client.Http.GetAsync(new Uri($"/businesses/{business.Id}/export/json", UriKind.Relative))).Content.ReadAsStringAsync()).RootElement;
        var stored = all.GetProperty("business")[0];
        Assert.Equal(("Corporation", "Verified", "13", "0300000000"), (stored.GetProperty("LegalForm").GetString(), stored.GetProperty("Verification").GetString(), stored.GetProperty("PrefectureCode").GetString(), stored.GetProperty("Phone").GetString()));
        Assert.Equal("15", all.GetProperty("application-answers").EnumerateArray().Single(a => a.GetProperty("FieldKey").GetString() == "wageRaise").GetProperty("Answer").GetString());
        Assert.Equal("ReturnedForCorrection", all.GetProperty("applications")[0].GetProperty("Status").GetString());
        Assert.Equal("Machinery", all.GetProperty("application-expenses")[0].GetProperty("Category").GetString());
        Assert.Equal("Basics", all.GetProperty("consents")[0].GetProperty("Group").GetString());
        Assert.True(all.GetProperty("shareholders")[0].GetProperty("IsLargeEnterprise").GetBoolean());
        Assert.Equal("Phone", all.GetProperty("changes").EnumerateArray().Last().GetProperty("Field").GetString());
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
