using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>An industry (JSIC major group) and its published thresholds on record, by indicator.</summary>
public sealed record IndustryCoverage(JsicCategory Industry, IReadOnlyDictionary<Indicator, BenchmarkThreshold> Rows)
{
    /// <summary>All six indicators have their thresholds: the industry's businesses are scored.</summary>
    public bool IsPublished => LocalBenchmark.Indicators.All(Rows.ContainsKey);

    /// <summary><c>published</c>, <c>partial</c> or <c>missing</c>: what the list says of the industry.</summary>
    public string State => IsPublished ? "published" : Rows.Count > 0 ? "partial" : "missing";
}

public sealed record BenchmarkPage(IReadOnlyList<IndustryCoverage> Industries, BenchmarkRankCutoffs? Cutoffs)
{
    public int Lacking => Industries.Count(i => !i.IsPublished);
}

/// <param name="Coverage">The industry and what it has on record.</param>
/// <param name="Indicator">The indicator edited.</param>
/// <param name="Row">The thresholds on record, or null when they are loaded for the first time.</param>
/// <param name="Form">What the form shows.</param>
public sealed record ThresholdEditPage(IndustryCoverage Coverage, Indicator Indicator, BenchmarkThreshold? Row, ThresholdForm Form);

/// <summary>
/// The self-check's published thresholds, loaded by Administrators industry by industry with their source and date
/// (the self-check page shows them), and the rank cut-offs. The list says which industries lack them: their businesses
/// get no score or rank. Each save is audited, and refused when someone else saved first.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/self-check")]
public sealed class BenchmarkController(SmeDbContext db, AuditLog audit, ReferenceCatalog reference, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Subject = "BenchmarkThreshold";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await db.BenchmarkThresholds.AsNoTracking().ToListAsync();
        return View(new BenchmarkPage(
            [.. reference.Majors.Select(m => new IndustryCoverage(m, rows.Where(r => r.Industry == m.Code).ToDictionary(r => r.Indicator)))],
            await db.BenchmarkRankCutoffs.AsNoTracking().FirstOrDefaultAsync()));
    }

    /// <summary>One industry's six indicators: the thresholds on record, or that they are not yet.</summary>
    [HttpGet("industries/{industry}")]
    public async Task<IActionResult> Industry(string industry) =>
        await CoverageAsync(industry) is { } coverage ? View(coverage) : NotFound();

    [HttpGet("industries/{industry}/{indicator}")]
    public async Task<IActionResult> Threshold(string industry, string indicator) =>
        await CoverageAsync(industry) is { } coverage && Parse(indicator) is { } which
            ? View(new ThresholdEditPage(coverage, which, coverage.Rows.GetValueOrDefault(which), ThresholdForm.From(coverage.Rows.GetValueOrDefault(which))))
            : NotFound();

    /// <summary>Loads an indicator's thresholds for the industry, or changes those on record, against the version the form showed.</summary>
    [HttpPost("industries/{industry}/{indicator}")]
    public async Task<IActionResult> Threshold(string industry, string indicator, ThresholdForm form, [FromServices] IValidator<ThresholdForm> validator)
    {
        if (await CoverageAsync(industry) is not { } coverage || Parse(indicator) is not { } which)
        {
            return NotFound();
        }

        var row = await db.BenchmarkThresholds.FirstOrDefaultAsync(r => r.Industry == industry && r.Indicator == which);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(new ThresholdEditPage(coverage, which, row, form));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        bool saved;
        if (row is null)
        {
            row = new BenchmarkThreshold { Industry = industry, Indicator = which };
            form.ApplyTo(row);
            db.BenchmarkThresholds.Add(row);
            audit.Record("benchmark.thresholds.added", Subject, $"{industry}/{which}", $"industry={industry};indicator={which}");
            saved = await SaveNewAsync(row, form.Version, now);
        }
        else
        {
            form.ApplyTo(row);
            audit.Record("benchmark.thresholds.edited", Subject, $"{industry}/{which}", $"industry={industry};indicator={which}");
            saved = await db.SaveFromVersionAsync(row, form.Version, now);
        }

        if (!saved)
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            return View(new ThresholdEditPage(
                (await CoverageAsync(industry))!, which, await db.BenchmarkThresholds.AsNoTracking().FirstOrDefaultAsync(r => r.Industry == industry && r.Indicator == which), form));
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect($"/admin/self-check/industries/{industry}");
    }

    [HttpGet("cutoffs")]
    public async Task<IActionResult> Cutoffs() => View(CutoffsForm.From(await db.BenchmarkRankCutoffs.AsNoTracking().FirstOrDefaultAsync()));

    [HttpPost("cutoffs")]
    public async Task<IActionResult> Cutoffs(CutoffsForm form, [FromServices] IValidator<CutoffsForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.BenchmarkRankCutoffs.FirstOrDefaultAsync();
        bool saved;
        if (row is null)
        {
            row = new BenchmarkRankCutoffs();
            form.ApplyTo(row);
            db.BenchmarkRankCutoffs.Add(row);
            audit.Record("benchmark.cutoffs.added", "BenchmarkRankCutoffs", Invariant(row.Id), $"a={row.A};b={row.B};c={row.C}");
            saved = await SaveNewAsync(row, form.Version, now);
        }
        else
        {
            form.ApplyTo(row);
            audit.Record("benchmark.cutoffs.edited", "BenchmarkRankCutoffs", Invariant(row.Id), $"a={row.A};b={row.B};c={row.C}");
            saved = await db.SaveFromVersionAsync(row, form.Version, now);
        }

        if (!saved)
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            return View(form);
        }

        TempData["Notice"] = t["Benchmark.Saved"].Value;
        return Redirect("/admin/self-check");
    }

    private async Task<IndustryCoverage?> CoverageAsync(string industry) =>
        reference.Majors.FirstOrDefault(m => m.Code == industry) is { } major
            ? new IndustryCoverage(major, await db.BenchmarkThresholds.AsNoTracking().Where(r => r.Industry == industry).ToDictionaryAsync(r => r.Indicator))
            : null;

    private static Indicator? Parse(string indicator) =>
        Enum.TryParse<Indicator>(indicator, ignoreCase: false, out var which) && Enum.IsDefined(which) && !indicator.All(char.IsAsciiDigit) ? which : null;

    /// <summary>
    /// Saves a record loaded for the first time. A form that showed a version was for a record that exists now (someone
    /// else loaded it first), and so does a unique key refusing the insert: both are someone else's save.
    /// </summary>
    private async Task<bool> SaveNewAsync(IVersioned record, int startedFrom, DateTime now)
    {
        if (startedFrom != 0)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        (record.Version, record.UpdatedAtUtc) = (1, now);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
