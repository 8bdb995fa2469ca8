using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.SelfCheck.CutoffEditing;
using SmePlatform.Web.Features.Admin.SelfCheck.Overview;
using SmePlatform.Web.Features.Admin.SelfCheck.ThresholdEditing;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>
/// The self-check's published thresholds, loaded by Administrators industry by industry with their source and date
/// (the self-check page shows them), and the rank cut-offs. The list says which industries lack them: their businesses
/// get no score or rank. Each save is a handler beside this controller: audited, and refused when someone else saved first.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/self-check")]
public sealed class BenchmarkController(IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] BenchmarkOverviewQuery query) => View(await query.HandleAsync());

    /// <summary>One industry's six indicators: the thresholds on record, or that they are not yet.</summary>
    [HttpGet("industries/{industry}")]
    public async Task<IActionResult> Industry(string industry, [FromServices] BenchmarkOverviewQuery query) =>
        await query.IndustryAsync(industry) is { } coverage ? View(coverage) : NotFound();

    [HttpGet("industries/{industry}/{indicator}")]
    public async Task<IActionResult> Threshold(string industry, string indicator, [FromServices] ThresholdEditQuery query) =>
        await query.HandleAsync(industry, indicator) is { } page ? View(page) : NotFound();

    /// <summary>Loads an indicator's thresholds for the industry, or changes those on record, against the version the form showed.</summary>
    [HttpPost("industries/{industry}/{indicator}")]
    public async Task<IActionResult> Threshold(
        string industry, string indicator, ThresholdForm form, [FromServices] SaveThresholdsHandler handler, [FromServices] ThresholdEditQuery query)
    {
        var outcome = ModelState.IsValid ? await handler.HandleAsync(industry, indicator, form) : null;
        if (outcome?.Kind == OutcomeKind.NotFound || await query.HandleAsync(industry, indicator, form) is not { } page)
        {
            return NotFound();
        }

        if (outcome is not { IsDone: true })
        {
            AddErrors(outcome);
            return View(page);
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect($"/admin/self-check/industries/{industry}");
    }

    [HttpGet("cutoffs")]
    public async Task<IActionResult> Cutoffs([FromServices] SmeDbContext db) =>
        View(CutoffsForm.From(await db.BenchmarkRankCutoffs.AsNoTracking().FirstOrDefaultAsync()));

    [HttpPost("cutoffs")]
    public async Task<IActionResult> Cutoffs(CutoffsForm form, [FromServices] SaveCutoffsHandler handler)
    {
        var outcome = ModelState.IsValid ? await handler.HandleAsync(form) : null;
        if (outcome is not { IsDone: true })
        {
            AddErrors(outcome);
            return View(form);
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect("/admin/self-check");
    }

    /// <summary>The form's failures beside their fields; someone else's save first, above the form.</summary>
    private void AddErrors(Outcome<Unit>? outcome)
    {
        if (outcome?.Kind == OutcomeKind.Conflict)
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
        }
        else if (outcome is not null)
        {
            ModelState.AddOutcomeErrors(outcome);
        }
    }
}
