using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>
/// <c>GET /api/v1/stats/applications?from=&amp;to=&amp;measureId=&amp;prefecture=</c> for staff: the same numbers as
/// the dashboard, in the same suppression. Each table lists its rows and then its <c>total</c>.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.Staff)]
[Route("api/v1/stats/applications")]
public sealed class StatsApiController(
    ApplicationStatistics statistics, ReferenceCatalog reference, IOptions<DashboardOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : ControllerBase
{
    [HttpGet("")]
    [ProducesResponseType<ApplicationStatsAnswer>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IActionResult> Get([FromQuery] StatisticsQuery query, CancellationToken cancellationToken)
    {
        if (!query.TryRead(reference, await statistics.MeasureTitlesAsync(cancellationToken), StatisticsQuery.Today(clock), out var filter, out var errors))
        {
            return this.ParameterProblem(errors, t);
        }

        var result = await statistics.ComputeAsync(filter, options.Value.SuppressionThreshold, cancellationToken);
        return Ok(new ApplicationStatsAnswer(
            filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            filter.MeasureId,
            filter.Prefecture,
            result.Threshold,
            result.Tables.ToDictionary(x => x.Name, x => (IReadOnlyList<StatCount>)[.. x.Rows.Append(x.Total).Select(r => new StatCount(r.Key, r.Shown, r.Hidden))]),
            [.. result.DecisionTimes.Select(d => new StatTimes(d.MeasureId, d.Hidden ? null : d.Decisions.Count, d.MedianDays, d.P90Days, d.Hidden))],
            [.. result.ReturnRates.Select(r => new StatRate(r.MeasureId, r.Hidden ? null : r.Submitted.Count, r.Percent, r.Hidden))]));
    }
}
