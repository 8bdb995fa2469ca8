using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Features.Applications.Report;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The performance report (実績報告) after the grant decision: the actual expense lines against the planned ones, with
/// the invoices attached; saved as often as wanted, then submitted (the Owner, or a Member with the submit right) for a
/// reviewer to confirm the amount payable (<see cref="SaveReportHandler"/>). Scoped to the business in the route:
/// another business's is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications/{applicationId:int}/report")]
public sealed class ReportController(IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The field key the invoices are attached under.</summary>
    public const string InvoicesKey = "report-invoices";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId, int applicationId, [FromServices] ReportQuery query) =>
        await query.RunAsync(businessId, applicationId, HttpContext.Membership()) is { } page ? View("Report", page) : NotFound();

    [HttpPost("")]
    [RequestSizeLimit(AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [Errors.UploadLimits(AttachmentInspector.MaxBytes, AttachmentInspector.MaxBytesPerApplication)]
    public async Task<IActionResult> Index(
        int businessId, int applicationId, ReportForm form, string? intent, int version, int? remove, [FromServices] SaveReportHandler handler, [FromServices] ReportQuery query)
    {
        if (intent == ApplicationIntent.AddLines)
        {
            ModelState.Clear();
            form.Lines.AddRange(Enumerable.Range(0, 3).Select(_ => new ReportLineForm()));
            return await query.RunAsync(businessId, applicationId, HttpContext.Membership(), form, editableOnly: true) is { } added ? View("Report", added) : NotFound();
        }

        // A post the binder could not read (a version that is no number, say) is saved, never submitted.
        var submit = intent == ApplicationIntent.Submit && ModelState.IsValid;
        var outcome = await handler.HandleAsync(new SaveReportCommand(
            businessId, applicationId, form, submit, version, remove, Request.Form.Files.GetFiles(nameof(ReportPage.Invoices)), HttpContext.Membership(), UserId));
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.NotAllowed:
                return Forbid();
            case OutcomeKind.Conflict or OutcomeKind.Invalid:
                // Not submitted: changed by someone since the page was shown, or no longer open to it. The page as it is now.
                ModelState.AddOutcomeErrors(outcome.Kind == OutcomeKind.Conflict ? [new("", t["Apply.SubmitConflict"])] : outcome.Errors);
                return View("Report", await query.RunAsync(businessId, applicationId, HttpContext.Membership(), form));
        }

        return await SavedAsync(outcome.Value!, form, intent, query);
    }

    /// <summary>Submitted or saved: back to the application, or to the report; with what was refused: the page again, everything typed kept.</summary>
    private async Task<IActionResult> SavedAsync(SavedReport saved, ReportForm form, string? intent, ReportQuery query)
    {
        if (saved.Submitted || (intent != ApplicationIntent.Submit && saved.Refused.Count == 0 && ModelState.IsValid))
        {
            TempData["Notice"] = t[saved.Submitted ? "Report.Submitted" : "Report.Saved"].Value;
            return Redirect(saved.File.Path(saved.Submitted ? null : "report"));
        }

        ModelState.AddOutcomeErrors(saved.Refused);
        return View("Report", await query.PageAsync(saved.File, ReportQuery.WithBlankLines(form), HttpContext.Membership()));
    }
}
