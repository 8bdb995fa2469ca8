using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// CSV formula injection through every CSV the portal writes (issue 20, finding 8): a formula typed into a member's name,
/// a business's name and address, an answer or an expense line reaches the owner's export, and a measure's title the
/// dashboard's tables, only as text after a single quote; a loss stays a negative number.
/// </summary>
[Collection(nameof(PortalCollection))]
public partial class CsvInjectionTests(SmeAppFactory factory)
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    [Fact]
    public async Task EveryTableOfTheOwnersExport_WritesTypedFormulasAsText_AndNumbersAsNumbers()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        var member = await factory.CreateUserAsync();
        await factory.AddMemberAsync(business, member);
        await factory.WithDbAsync(async db =>
            await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, Formula))
            + await db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, Formula))
            + await db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == "theme").ExecuteUpdateAsync(s => s.SetProperty(a => a.Value, "+" + Formula))
            + await db.ExpenseLines.Where(e => e.ApplicationId == applicationId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Description, "@" + Formula)));
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        // Typed through the pages too: an address (kept in the change history as well) and a loss.
        await client.SubmitFormAsync(await client.GetAsync($"/businesses/{business.Id}/profile/basics"), [("City", "-1+" + Formula)], submit: ("intent", "save"));
        await client.SubmitFormAsync(await client.GetAsync($"/businesses/{business.Id}/profile/financials"),
            [("ClosingDate", "2025-03-31"), ("Sales", "98765432"), ("OperatingProfit", "-1200000")]);

        var tables = new Dictionary<string, List<string[]>>();
        foreach (var table in ExportController.Tables)
        {
            tables[table] = await CsvAsync(client, $"/businesses/{business.Id}/export/csv/{table}");
        }

        foreach (var (table, rows) in tables)
        {
            Assert.All(rows.SelectMany(r => r), field => Assert.True(Harmless(field), $"{table}: {field}"));
        }

        Assert.Contains("'" + Formula, Column(tables["business"], "Name"));
        Assert.Contains("'-1+" + Formula, Column(tables["business"], "City"));
        Assert.Contains("'-1+" + Formula, Column(tables["changes"], "NewValue"));
        Assert.Contains("'" + Formula, Column(tables["members"], "DisplayName"));
        Assert.Contains("'+" + Formula, Column(tables["application-answers"], "Answer"));
        Assert.Contains("'@" + Formula, Column(tables["application-expenses"], "Description"));
        // A loss is a number a spreadsheet can add up, not text.
        Assert.Contains("-1200000", Column(tables["financials"], "OperatingProfit"));
    }

    [Fact]
    public async Task TheDashboardsTables_WriteAMeasuresFormulaTitleAsText()
    {
        var measure = await factory.CreateMeasureAsync(MeasureStatus.Published);
        await factory.WithDbAsync(async db =>
        {
            await db.SupportMeasures.Where(m => m.Id == measure.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TitleJa, Formula).SetProperty(m => m.TitleEn, "-" + Formula));
            var definition = new FormDefinition("CSV", [], [new("plan", "計画", "Plan", [new("theme", FieldKind.Text, "事業計画名", "Project title")])]);
            var form = new ApplicationForm { MeasureId = measure.Id, Version = 1, Definition = definition.ToJson(), CreatedAtUtc = DateTime.UtcNow };
            db.ApplicationForms.Add(form);
            return await db.SaveChangesAsync();
        });
        // One application submitted under it an hour ago, through the product.
        var owner = await factory.CreateUserAsync();
        await factory.Application(await factory.CreateBusinessAsync(owner), owner, measure.Slug).At(DateTime.UtcNow.AddHours(-1)).Submitted();
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);

        var japanese = await CsvAsync(analyst, $"/dashboard/csv/measure?measureId={measure.Id}");
        await analyst.GetAsync("/?culture=en");
        var english = await CsvAsync(analyst, $"/dashboard/csv/measure?measureId={measure.Id}");

        Assert.All(japanese.Concat(english).SelectMany(r => r), field => Assert.True(Harmless(field), field));
        Assert.Contains("'" + Formula, Column(japanese, "Label", headerRows: 1));
        Assert.Contains("'-" + Formula, Column(english, "Label", headerRows: 1));
    }

    /// <summary>A field no spreadsheet runs: it does not start a formula, or it is wholly a number.</summary>
    private static bool Harmless(string field) =>
        field.Length == 0 || !"=+-@\t\r＝＋－＠".Contains(field[0], StringComparison.Ordinal) || PlainNumber().IsMatch(field);

    /// <summary>The values of a column, found by its key: the export's second header row, the dashboard's only one.</summary>
    private static List<string> Column(List<string[]> rows, string key, int headerRows = 2)
    {
        var index = Array.IndexOf(rows[headerRows - 1], key);
        Assert.True(index >= 0, $"no column {key}");
        return [.. rows.Skip(headerRows).Select(r => r[index])];
    }

    private static async Task<List<string[]>> CsvAsync(PortalClient client, string url)
    {
        using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        using var reader = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.Record!);
        }

        return rows;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}
