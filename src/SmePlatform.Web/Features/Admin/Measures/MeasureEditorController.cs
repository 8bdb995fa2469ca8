using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.Measures.ChangeHistory;
using SmePlatform.Web.Features.Admin.Measures.Creation;
using SmePlatform.Web.Features.Admin.Measures.Editing;
using SmePlatform.Web.Features.Admin.Measures.Listing;
using SmePlatform.Web.Features.Admin.Measures.Publication;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// The measure catalogue's editor for Administrators: list, create, edit with a preview, publish and archive. Each
/// change is a handler beside this controller: audited with the fields it changed, refused when someone else saved
/// first (the measure's version is a concurrency token), and refreshing the public catalogue.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures")]
public sealed class MeasureEditorController(MeasureEditorQuery editor, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(MeasureStatus? status, [FromServices] MeasureListQuery query, int page = 1) =>
        View(await query.HandleAsync(status, page));

    [HttpGet("new")]
    public IActionResult Create() =>
        EditView(new MeasureForm { BodyFormat = nameof(BodyFormat.Markdown), Kind = nameof(MeasureKind.Subsidy), SizeClass = nameof(SizeClassTarget.Sme), EndTime = MeasureForm.DefaultClosingTime }, MeasureEditContext.New());

    [HttpPost("new")]
    public async Task<IActionResult> Create(MeasureForm form, string? intent, [FromServices] CreateMeasureHandler handler, [FromServices] MeasurePreviewQuery preview)
    {
        if (!ModelState.IsValid || intent == FormIntents.Preview)
        {
            return await PreviewAsync(null, form, preview);
        }

        var outcome = await handler.HandleAsync(form);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return EditView(form, MeasureEditContext.New());
        }

        TempData["Notice"] = t["MeasureEditor.Created"].Value;
        return RedirectToAction(nameof(Edit), new { id = outcome.Value });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id) =>
        await editor.HandleAsync(id) is { } page ? EditView(page.Form, page.Context) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, MeasureForm form, string? intent, [FromServices] EditMeasureHandler handler, [FromServices] MeasurePreviewQuery preview)
    {
        if (!ModelState.IsValid || intent == FormIntents.Preview)
        {
            return await PreviewAsync(id, form, preview);
        }

        var outcome = await handler.HandleAsync(id, form);
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Done:
                TempData["Notice"] = t[outcome.Value ? "MeasureEditor.Saved" : "MeasureEditor.NoChange"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", t["MeasureValidation.Concurrency"]);
                break;
            default:
                ModelState.AddOutcomeErrors(outcome);
                break;
        }

        return await editor.HandleAsync(id) is { } page ? EditView(form, page.Context) : NotFound();
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, int version, [FromServices] ChangeMeasureStatusHandler handler) =>
        ChangeStatusAsync(id, handler.HandleAsync(id, version, MeasureStatus.Published), "MeasureEditor.Published");

    [HttpPost("{id:int}/archive")]
    public Task<IActionResult> Archive(int id, int version, [FromServices] ChangeMeasureStatusHandler handler) =>
        ChangeStatusAsync(id, handler.HandleAsync(id, version, MeasureStatus.Archived), "MeasureEditor.Archived");

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id, [FromServices] MeasureHistoryQuery query) =>
        await query.HandleAsync(id) is { } page ? View(page) : NotFound();

    private async Task<IActionResult> ChangeStatusAsync(int id, Task<Outcome<Unit>> change, string notice)
    {
        var outcome = await change;
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData["Notice"] = t[outcome.Kind == OutcomeKind.Conflict ? "MeasureValidation.Concurrency" : notice].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The form again with the page as it would be (or, when the form does not pass, with why).</summary>
    private async Task<IActionResult> PreviewAsync(int? id, MeasureForm form, MeasurePreviewQuery preview)
    {
        var outcome = await preview.HandleAsync(id, form);
        if (outcome.IsDone)
        {
            return ModelState.IsValid ? EditView(form, outcome.Value!) : EditView(form, outcome.Value! with { Preview = null });
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddOutcomeErrors(outcome);
        return id is { } known && await editor.HandleAsync(known) is { } page ? EditView(form, page.Context) : EditView(form, MeasureEditContext.New());
    }

    private ViewResult EditView(MeasureForm form, MeasureEditContext context)
    {
        ViewData[MeasureEditContext.Key] = context;
        return View("Edit", form);
    }
}
