using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.Measures.TermsEditing;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// An Administrator keeps a measure's terms as rows (docs/terms.md): tracks, top-ups, and conditions → rate, maximum,
/// minimum. Saving (<see cref="SaveTermsHandler"/>) refuses overlapping rows, gaps between employee brackets and broken
/// bands beside the row, saves against the version the editor started from, confirms terms an import marked 要確認,
/// and is audited.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures/{id:int}/terms")]
public sealed class MeasureTermsController(SmeDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Edit(int id) =>
        await MeasureAsync(id) is { } measure ? View("Terms", new TermsEditorPage(measure, TermsForm.From(measure.Terms, measure.Version))) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Edit(int id, TermsForm form, string? intent, [FromServices] SaveTermsHandler handler)
    {
        if (intent == FormIntents.AddRows)
        {
            // More blank rows, nothing saved (and nothing said about what is typed so far).
            ModelState.Clear();
            return await MeasureAsync(id) is { } measure ? View("Terms", new TermsEditorPage(measure, form.WithBlankSlots(moreRows: TermsForm.BlankRows))) : NotFound();
        }

        var outcome = ModelState.IsValid ? await handler.HandleAsync(id, form) : null;
        if (outcome?.Kind == OutcomeKind.NotFound || await MeasureAsync(id) is not { } shown)
        {
            return NotFound();
        }

        if (outcome is not { IsDone: true })
        {
            if (outcome?.Kind == OutcomeKind.Conflict)
            {
                ModelState.AddModelError("", t["MeasureValidation.Concurrency"]);
            }
            else if (outcome is not null)
            {
                ModelState.AddOutcomeErrors(outcome);
            }

            return View("Terms", new TermsEditorPage(shown, form));
        }

        TempData["Notice"] = t["TermsEditor.Saved"].Value;
        return Redirect($"/admin/measures/{id}/terms");
    }

    private Task<SupportMeasure?> MeasureAsync(int id) => db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
}
