using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Measures;

public sealed record TermsEditorPage(SupportMeasure Measure, TermsForm Form);

/// <summary>
/// An Administrator keeps a measure's terms as rows (docs/terms.md): tracks, top-ups, and conditions → rate, maximum,
/// minimum. Saving refuses overlapping rows, gaps between employee brackets and broken bands beside the row, saves
/// against the version the editor started from, confirms terms an import marked 要確認, and is audited.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures/{id:int}/terms")]
public sealed class MeasureTermsController(
    SmeDbContext db, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock, IValidator<TermsForm> validator, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id) =>
        await db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id) is { } measure
            ? View("Terms", new TermsEditorPage(measure, TermsForm.From(measure.Terms, measure.Version)))
            : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, TermsForm form, string? intent)
    {
        if (await db.SupportMeasures.FirstOrDefaultAsync(m => m.Id == id) is not { } measure)
        {
            return NotFound();
        }

        if (intent == FormIntents.AddRows)
        {
            ModelState.Clear();
            return View("Terms", new TermsEditorPage(measure, form.WithBlankSlots(moreRows: TermsForm.BlankRows)));
        }

        var valid = await validator.ValidateIntoAsync(form, ModelState);
        foreach (var (field, message) in valid ? TermsFormValidator.TermsProblems(form, t) : [])
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return View("Terms", new TermsEditorPage(measure, form));
        }

        var terms = form.ToTerms();
        measure.SetTerms(terms);
        audit.Record("measure.terms-edited", "SupportMeasure", id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"rows={terms.Rows.Count},tracks={terms.Tracks.Count},topUps={terms.TopUps.Count}"));
        if (!await db.SaveFromVersionAsync(measure, form.Version, clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("", t["MeasureValidation.Concurrency"]);
            return View("Terms", new TermsEditorPage((await db.SupportMeasures.AsNoTracking().FirstAsync(m => m.Id == id)), form));
        }

        catalogue.Invalidate();
        TempData["Notice"] = t["TermsEditor.Saved"].Value;
        return Redirect($"/admin/measures/{id}/terms");
    }
}
