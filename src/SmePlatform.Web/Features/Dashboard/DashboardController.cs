using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Content;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Dashboard;

public sealed record DashboardPage(StatisticsQuery Query, ApplicationStatisticsResult? Result, IReadOnlyDictionary<int, string> Measures, DateOnly Today);

/// <summary>
/// The staff dashboard (<c>/dashboard</c>): application status by status, measure, day, backlog age, decision time,
/// corrections, prefecture and industry, filtered by period, measure and prefecture; every table with its chart and
/// as CSV; small numbers suppressed (<see cref="ApplicationStatistics"/>). Staff only: analysts see aggregates, never
/// a business.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DashboardController(
    ApplicationStatistics statistics, ReferenceCatalog reference, IOptions<DashboardOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("dashboard")]
    public async Task<IActionResult> Index(StatisticsQuery query)
    {
        var measures = await statistics.MeasureTitlesAsync();
        var today = StatisticsQuery.Today(clock);
        if (!query.TryRead(reference, measures, today, out var filter, out var errors))
        {
            ModelState.AddParameterErrors(errors, t);
            return View(new DashboardPage(query, null, measures, today));
        }

        return View(new DashboardPage(query, await statistics.ComputeAsync(filter, options.Value.SuppressionThreshold), measures, today));
    }

    /// <summary>One table as CSV (UTF-8 with a byte-order mark, for spreadsheets in Japan): key, label, count; a suppressed count is empty.</summary>
    [HttpGet("dashboard/csv/{table}")]
    [FileDownload]
    public async Task<IActionResult> Csv(string table, StatisticsQuery query)
    {
        var measures = await statistics.MeasureTitlesAsync();
        if (!query.TryRead(reference, measures, StatisticsQuery.Today(clock), out var filter, out _))
        {
            return BadRequest();
        }

        var result = await statistics.ComputeAsync(filter, options.Value.SuppressionThreshold);
        if (result.Tables.FirstOrDefault(x => x.Name == table) is not { } found)
        {
            return NotFound();
        }

        // Written so that no spreadsheet runs a label (a measure's title, say) as a formula (SpreadsheetSafeCsv).
        var bytes = await SpreadsheetSafeCsv.WriteAsync(csv => csv.WriteRecordsAsync(found.Rows.Append(found.Total).Select(r => new
        {
            r.Key,
            Label = DashboardLabels.Of(found.Name, r.Key, measures, reference, t),
            Count = r.Shown,
            Suppressed = r.Hidden,
        })));
        return File(bytes, "text/csv; charset=utf-8", $"applications-{table}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
    }
}

/// <summary>A row's words: a status, a measure's title, a date, an age band, a prefecture or an industry, in the page's language.</summary>
public static class DashboardLabels
{
    public static string Of(string table, string key, IReadOnlyDictionary<int, string> measures, ReferenceCatalog reference, IStringLocalizer t) => (table, key) switch
    {
        (_, "total") => t["Dashboard.Total"],
        ("status", _) => t["ApplicationStatus." + key],
        ("measure", _) => measures.GetValueOrDefault(int.Parse(key, CultureInfo.InvariantCulture)) ?? key,
        ("submissions-per-day" or "decisions-per-day", _) => Display.Date(DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("backlog-age", _) => t["Dashboard.Age." + key],
        ("prefecture", "") or ("industry", "") or ("sme-class", "") => t["Dashboard.Unknown"],
        ("sme-class", _) => t["SmeClass." + key],
        ("prefecture", _) => reference.Prefectures.FirstOrDefault(p => p.Code == key)?.Name ?? key,
        ("industry", _) => reference.Majors.FirstOrDefault(m => m.Code == key) is { } major ? $"{major.Code} {major.Name}" : key,
        ("flags", _) when key.Split(':') is [var measure, var rule] =>
            $"{measures.GetValueOrDefault(int.Parse(measure, CultureInfo.InvariantCulture)) ?? measure} — {t["IntegrityRule." + rule]}",
        _ => key,
    };
}
