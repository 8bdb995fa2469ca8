using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Features.Catalogue;
using Xunit.Abstractions;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// CSV formula injection (issue 20, item 8): a value someone typed that starts as a spreadsheet formula starts (<c>= + - @</c>,
/// a tab or a carriage return) must never start a cell of a CSV the portal writes, or a spreadsheet would run it. The CSVs
/// are not listed here: every route that answered <c>text/csv</c> in the route matrix is one, and each is read at every
/// address the pages of the people who may download it link to (each table of the export, each of the dashboard).
/// </summary>
[Collection(nameof(SecurityCollection))]
public partial class CsvSweepTests(SecurityPortal portal, ITestOutputHelper output)
{
    private const string FormulaStarts = "=+-@\t\r";

    [Fact]
    public async Task NoCsv_StartsACellWithWhatSomeoneTyped_AsAFormula()
    {
        // A measure's title is an Administrator's typing: the dashboard's CSV by measure writes it.
        await portal.Factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "monozukuri-2026")
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.TitleJa, SecurityPortal.FormulaValues[0]).SetProperty(m => m.TitleEn, SecurityPortal.FormulaValues[0])));
        portal.Factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();

        var sweeps = new Dictionary<string, Sweep>(StringComparer.Ordinal);
        foreach (var role in SecurityPortal.Roles)
        {
            sweeps[role] = await portal.Matrix.SweepAsync(role);
        }

        // The owner's sweep deleted their shareholder, officer and Member (it may): typed values in each again.
        var business = portal.OwnersBusiness.BusinessId;
        var someone = await portal.Factory.CreateUserAsync();
        await portal.Factory.WithDbAsync(async db =>
        {
            db.Shareholders.Add(new Web.Data.Businesses.ShareholderRecord { BusinessId = business, HolderName = SecurityPortal.FormulaValues[1], ShareBasisPoints = 1_000 });
            db.Officers.Add(new Web.Data.Businesses.OfficerRecord { BusinessId = business, Name = SecurityPortal.FormulaValues[2] });
            db.BusinessMembers.Add(new Web.Data.Businesses.BusinessMember { BusinessId = business, UserId = someone.Id, Role = Web.Data.Businesses.MemberRole.Member, JoinedAtUtc = DateTime.UtcNow });
            await db.Users.Where(u => u.Id == someone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, SecurityPortal.FormulaValues[3]));
            return await db.SaveChangesAsync();
        });

        var downloads = new List<(Actor Actor, string Template, string Url)>();
        foreach (var actor in portal.Actors)
        {
            var sweep = sweeps[actor.Role];
            var csvRoutes = sweep.Probes.Where(p => p.Method == "GET" && p.ContentType == "text/csv").GroupBy(p => p.Template).ToList();
            foreach (var route in csvRoutes)
            {
                downloads.AddRange(route.Select(p => (actor, route.Key, p.Path)).Distinct());
                // Every address of the route that this person's pages link to.
                var pattern = TemplatePattern(route.Key);
                foreach (var page in sweep.Probes.Where(p => p is { Method: "GET", Outcome: "page", ContentType: "text/html", Variant: "own" }).Select(p => p.Path).Distinct())
                {
                    // Read again after the sweep: a page its POSTs changed (a step of a submitted application, say) may lead elsewhere now.
                    using var answer = await actor.Client.Http.GetAsync(new Uri(page, UriKind.Relative));
                    if (!answer.IsSuccessStatusCode)
                    {
                        continue;
                    }

                    var html = await answer.Content.ReadAsStringAsync();
                    downloads.AddRange(new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
                        .Select(a => a.GetAttribute("href")!.Split('#')[0])
                        .Where(href => pattern.IsMatch(href.Split('?')[0]))
                        .Select(href => (actor, route.Key, href)));
                }
            }
        }

        downloads = [.. downloads.DistinctBy(d => (d.Actor.Role, d.Url))];
        Assert.Contains(downloads, d => d.Template.StartsWith("/businesses/", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.Template.StartsWith("/dashboard/", StringComparison.Ordinal));

        var unsafeCells = new List<string>();
        var typedCells = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (actor, template, url) in downloads)
        {
            using var response = await actor.Client.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var rows = Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
            foreach (var (row, r) in rows.Select((row, r) => (row, r)))
            {
                foreach (var cell in row.Where(c => c.Contains(SecurityPortal.FormulaMarker, StringComparison.Ordinal)))
                {
                    typedCells[template] = typedCells.GetValueOrDefault(template) + 1;
                    if (cell.Length > 0 && FormulaStarts.Contains(cell[0], StringComparison.Ordinal))
                    {
                        unsafeCells.Add($"{actor.Role} {url} row {r + 1}: {Visible(cell)}");
                    }
                }
            }
        }

        output.WriteLine($"{downloads.Count} CSV files read; cells with typed formulas per route: {string.Join(", ", typedCells.Select(t => $"{t.Key} {t.Value}"))}");
        // Both kinds of CSV carried the typed values, so the check below could fail.
        Assert.True(typedCells.Keys.Any(t => t.StartsWith("/businesses/", StringComparison.Ordinal)), "No exported CSV carried the typed values.");
        Assert.True(typedCells.Keys.Any(t => t.StartsWith("/dashboard/", StringComparison.Ordinal)), "No dashboard CSV carried the measure's title.");
        Assert.True(unsafeCells.Count == 0, $"{unsafeCells.Count} cells start as a formula:\n{string.Join('\n', unsafeCells)}");
    }

    /// <summary>The parser below reads what spreadsheets read: quoted fields with commas, quotes and line breaks in them.</summary>
    [Fact]
    public void TheParser_ReadsQuotedFields_WithLineBreaksAndQuotes()
    {
        var rows = Parse("a,\"b,\"\"c\"\"\",\"\rd\"\r\n\t e,\n");

        Assert.Equal(new List<List<string>> { new() { "a", "b,\"c\"", "\rd" }, new() { "\t e", "" } }, rows);
    }

    /// <summary>RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold anything, "" for a quote.</summary>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    private static Regex TemplatePattern(string template) =>
        new("^" + Parameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Visible(string cell) => cell.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
