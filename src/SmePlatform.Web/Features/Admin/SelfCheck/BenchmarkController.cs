using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

public sealed record BenchmarkPage(IReadOnlyList<BenchmarkThreshold> Thresholds, BenchmarkRankCutoffs Cutoffs, string? NewIndustry);

public sealed record ThresholdEditPage(BenchmarkThreshold Row, ThresholdForm Form);

/// <summary>
/// The self-check's thresholds and rank cut-offs, edited by Administrators with their source and date (the
/// self-check page shows them). Each save is audited, and refused when someone else saved first.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/self-check")]
public sealed class BenchmarkController(SmeDbContext db, AuditLog audit, ReferenceCatalog reference, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Subject = "BenchmarkThreshold";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync(null));

    [HttpGet("thresholds/{id:int}")]
    public async Task<IActionResult> Threshold(int id) =>
        await db.BenchmarkThresholds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) is { } row
            ? View(new ThresholdEditPage(row, ThresholdForm.From(row)))
            : NotFound();

    [HttpPost("thresholds/{id:int}")]
    public async Task<IActionResult> Threshold(int id, ThresholdForm form, [FromServices] IValidator<ThresholdForm> validator)
    {
        if (await db.BenchmarkThresholds.FirstOrDefaultAsync(r => r.Id == id) is not { } row)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(new ThresholdEditPage(row, form));
        }

        form.ApplyTo(row);
        audit.Record("benchmark.thresholds.edited", Subject, Invariant(id), $"industry={row.Industry};indicator={row.Indicator}");
        if (!await db.SaveFromVersionAsync(row, form.Version, clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            return View(new ThresholdEditPage(await db.BenchmarkThresholds.AsNoTracking().FirstAsync(r => r.Id == id), form));
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect("/admin/self-check");
    }

    [HttpGet("cutoffs")]
    public async Task<IActionResult> Cutoffs() => View(CutoffsForm.From(await db.BenchmarkRankCutoffs.AsNoTracking().SingleAsync()));

    [HttpPost("cutoffs")]
    public async Task<IActionResult> Cutoffs(CutoffsForm form, [FromServices] IValidator<CutoffsForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var row = await db.BenchmarkRankCutoffs.SingleAsync();
        form.ApplyTo(row);
        audit.Record("benchmark.cutoffs.edited", "BenchmarkRankCutoffs", Invariant(row.Id), $"a={row.A};b={row.B};c={row.C}");
        if (!await db.SaveFromVersionAsync(row, form.Version, clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            return View(form);
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect("/admin/self-check");
    }

    /// <summary>Starts an industry's own thresholds as a copy of the all-industries ones, to be edited from there.</summary>
    [HttpPost("industries")]
    public async Task<IActionResult> AddIndustry(string? industry)
    {
        if (reference.Majors.All(m => m.Code != industry))
        {
            ModelState.AddModelError("industry", t["SelfCheck.Validation.Industry"]);
            return View(nameof(Index), await PageAsync(industry));
        }

        if (await db.BenchmarkThresholds.AnyAsync(r => r.Industry == industry))
        {
            ModelState.AddModelError("industry", t["Benchmark.Validation.IndustryExists"]);
            return View(nameof(Index), await PageAsync(industry));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.BenchmarkThresholds.AsNoTracking().Where(r => r.Industry == BenchmarkThreshold.AllIndustries).ToListAsync();
        db.BenchmarkThresholds.AddRange(all.Select(r => new BenchmarkThreshold
        {
            Industry = industry!,
            Indicator = r.Indicator,
            T1 = r.T1,
            T2 = r.T2,
            T3 = r.T3,
            T4 = r.T4,
            Source = r.Source,
            PublishedOn = r.PublishedOn,
            UpdatedAtUtc = now,
        }));
        audit.Record("benchmark.industry.added", Subject, industry!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another administrator added the same industry at the same moment: the unique key kept one set.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("industry", t["Benchmark.Validation.IndustryExists"]);
            return View(nameof(Index), await PageAsync(industry));
        }

        TempData["Notice"] = t["Benchmark.IndustryAdded"].Value;
        return Redirect("/admin/self-check");
    }

    private async Task<BenchmarkPage> PageAsync(string? newIndustry) => new(
        [.. (await db.BenchmarkThresholds.AsNoTracking().ToListAsync()).OrderBy(r => r.Industry == BenchmarkThreshold.AllIndustries ? "" : r.Industry, StringComparer.Ordinal).ThenBy(r => r.Indicator)],
        await db.BenchmarkRankCutoffs.AsNoTracking().SingleAsync(),
        newIndustry);

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
