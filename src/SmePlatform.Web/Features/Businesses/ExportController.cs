using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Infrastructure.Content;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>
/// Everything the platform holds about a business (<see cref="BusinessExport"/>), for its Owner: the whole as one JSON
/// file, or each table as CSV. A CSV has two header rows: the columns' names in the reader's language (Japanese unless
/// they chose English), then their keys (the JSON names), so that a spreadsheet reads it and a program finds its
/// columns whatever the language. Instants are ISO 8601 in Japan time (2026-12-08T01:56:32+09:00), dates 2027-12-08.
/// </summary>
[Authorize]
[BusinessScoped(ownerOnly: true)]
[Route("businesses/{businessId:int}/export")]
public sealed class ExportController(BusinessExport export, IStringLocalizer<SharedResource> t) : Controller
{
    public static IReadOnlyList<string> Tables => BusinessExport.Tables;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("")]
    public IActionResult Index(int businessId) => View("Export", businessId);

    [HttpGet("json")]
    [FileDownload]
    public async Task<IActionResult> AllAsJson(int businessId)
    {
        var tables = new Dictionary<string, IReadOnlyList<Dictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            tables[table] = (await export.TableAsync(businessId, table)).Records;
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(tables, JsonOptions), "application/json; charset=utf-8", $"business-{businessId}.json");
    }

    [HttpGet("csv/{table}")]
    [FileDownload]
    public async Task<IActionResult> TableAsCsv(int businessId, string table)
    {
        if (!Tables.Contains(table))
        {
            return NotFound();
        }

        var rows = await export.TableAsync(businessId, table);
        // Written so that no spreadsheet runs a value as a formula (SpreadsheetSafeCsv), UTF-8 with a byte-order mark.
        var bytes = await SpreadsheetSafeCsv.WriteAsync(async csv =>
        {
            foreach (var header in new[] { rows.Columns.Select(c => t[c.Label].Value), rows.Columns.Select(c => c.Key) })
            {
                foreach (var name in header)
                {
                    csv.WriteField(name);
                }

                await csv.NextRecordAsync();
            }

            foreach (var row in rows.Rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(ExportTable.Text(value));
                }

                await csv.NextRecordAsync();
            }
        });
        return File(bytes, "text/csv; charset=utf-8", $"business-{businessId}-{table}.csv");
    }
}
