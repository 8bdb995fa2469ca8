using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Measures;

public sealed class ApplicationFormInput
{
    [Display(Name = "FormEditor.Definition")] public string? Definition { get; set; }

    /// <summary>The version the editor started from (0 when the measure had no form).</summary>
    public int StartedFrom { get; set; }
}

public sealed record FormVersionRow(int Version, DateTime CreatedAtUtc, string? Who);

public sealed record ApplicationFormPage(SupportMeasure Measure, ApplicationFormInput Input, IReadOnlyList<FormVersionRow> Versions);

/// <summary>
/// An Administrator edits a measure's application form as its JSON definition (docs/applications.md). Saving checks it
/// with <see cref="FormRules"/> — including that no question asks again for a profile item — and adds a version;
/// applications keep the version they started with. Audited.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures/{id:int}/form")]
public sealed class ApplicationFormEditorController(SmeDbContext db, AuditLog audit, CatalogueIndex catalogue, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id)
    {
        if (await db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id) is not { } measure)
        {
            return NotFound();
        }

        var latest = await LatestAsync(id);
        var input = new ApplicationFormInput { Definition = latest?.Definition ?? Starter.ToJson(), StartedFrom = latest?.Version ?? 0 };
        return View("ApplicationForm", await PageAsync(measure, input));
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, ApplicationFormInput input)
    {
        if (await db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id) is not { } measure)
        {
            return NotFound();
        }

        var definition = FormDefinition.Parse(input.Definition ?? "", out var error);
        if (definition is null)
        {
            ModelState.AddModelError(nameof(input.Definition), t["Form.Problem.Json", error ?? ""]);
            return View("ApplicationForm", await PageAsync(measure, input));
        }

        foreach (var problem in FormRules.Check(definition, ProfileItems.Words))
        {
            // A profile item is named as people know it, with its key for the JSON.
            object[] args = problem.Key == "Form.Problem.DuplicatesProfile" ? [problem.Args[0], t["BusinessField." + problem.Args[1]].Value, problem.Args[1]] : problem.Args;
            ModelState.AddModelError(nameof(input.Definition), t[problem.Key, args]);
        }

        var latest = await LatestAsync(id);
        if ((latest?.Version ?? 0) != input.StartedFrom)
        {
            ModelState.AddModelError(nameof(input.Definition), t["FormEditor.Conflict", latest?.Version ?? 0]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return View("ApplicationForm", await PageAsync(measure, input));
        }

        var json = definition.ToJson();
        if (json == latest?.Definition)
        {
            TempData["Notice"] = t["FormEditor.Unchanged"].Value;
            return Redirect($"/admin/measures/{id}/form");
        }

        var version = input.StartedFrom + 1;
        db.ApplicationForms.Add(new ApplicationForm
        {
            MeasureId = id,
            Version = version,
            Definition = json,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
        });
        audit.Record("application-form.versioned", "SupportMeasure", id.ToString(CultureInfo.InvariantCulture), $"version {version}");
        try
        {
            // (MeasureId, Version) is unique: two administrators saving from the same version cannot both add it.
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(input.Definition), t["FormEditor.Conflict", version]);
            return View("ApplicationForm", await PageAsync(measure, input));
        }

        // A measure's first form lets the lists offer to apply online.
        catalogue.Invalidate();
        TempData["Notice"] = t["FormEditor.Saved", version].Value;
        return Redirect($"/admin/measures/{id}/form");
    }

    /// <summary>What a measure without a form starts from: the standard profile block and one section to fill in.</summary>
    private static readonly FormDefinition Starter = new(
        "CODE",
        ["Name", "CorporateNumber", "PostalCode", "PrefectureCode", "City", "Street", "RepresentativeName", "RepresentativeTitle", "Phone", "Email"],
        [new FormSection("plan", "事業計画", "Project plan", [new FormField("theme", FieldKind.Text, "事業計画名", "Project title", MaxLength: 60)])]);

    private Task<ApplicationForm?> LatestAsync(int measureId) =>
        db.ApplicationForms.AsNoTracking().Where(f => f.MeasureId == measureId).OrderByDescending(f => f.Version).FirstOrDefaultAsync();

    private async Task<ApplicationFormPage> PageAsync(SupportMeasure measure, ApplicationFormInput input)
    {
        var versions = await db.ApplicationForms.AsNoTracking().Where(f => f.MeasureId == measure.Id).OrderByDescending(f => f.Version)
            .Select(f => new FormVersionRow(f.Version, f.CreatedAtUtc, db.Users.Where(u => u.Id == f.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync();
        return new ApplicationFormPage(measure, input, versions);
    }
}
