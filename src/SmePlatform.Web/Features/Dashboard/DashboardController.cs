using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Dashboard.Export;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Dashboard;

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

    /// <summary>One table as CSV (<see cref="DashboardCsvQuery"/>).</summary>
    [HttpGet("dashboard/csv/{table}")]
    [FileDownload]
    public async Task<IActionResult> Csv(string table, StatisticsQuery query, [FromServices] DashboardCsvQuery csv)
    {
        var outcome = await csv.HandleAsync(table, query);
        return outcome.Kind switch
        {
            OutcomeKind.Done => File(outcome.Value!.Bytes, CsvFile.ContentType, outcome.Value.FileName),
            OutcomeKind.NotFound => NotFound(),
            _ => BadRequest(),
        };
    }
}
