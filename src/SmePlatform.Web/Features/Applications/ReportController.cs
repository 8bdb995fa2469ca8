using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <param name="File">The application.</param>
/// <param name="Form">The actual lines as saved or typed.</param>
/// <param name="MaySubmit">Whether the signed-in person may submit the report.</param>
/// <param name="Terms">The terms the application was submitted under (the rate and maximum that apply to it), as the reviewer reads them; null before a submission.</param>
public sealed record ReportPage(ApplicationFile File, ReportForm Form, bool MaySubmit, AppliedTermsModel? Terms)
{
    public IEnumerable<ApplicationAttachment> Invoices => File.FilesFor(ReportController.InvoicesKey);
}

/// <summary>
/// The performance report (実績報告) after the grant decision: the actual expense lines against the planned ones, with
/// the invoices attached; saved as often as wanted, then submitted (the Owner, or a Member with the submit right) for a
/// reviewer to confirm the amount payable. Scoped to the business in the route: another business's is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications/{applicationId:int}/report")]
public sealed class ReportController(
    ApplicationStore store, ApplicationMoves moves, IntegrityQueue integrity, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The field key the invoices are attached under.</summary>
    public const string InvoicesKey = "report-invoices";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId, int applicationId)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        var form = ReportForm.From(file.Application);
        AddBlankLines(form);
        return View("Report", await PageAsync(file, form));
    }

    [HttpPost("")]
    [RequestSizeLimit(AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [Errors.UploadLimits(AttachmentInspector.MaxBytes, AttachmentInspector.MaxBytesPerApplication)]
    public async Task<IActionResult> Index(int businessId, int applicationId, ReportForm form, string? intent, int version, int? remove, [FromServices] IValidator<ReportForm> validator)
    {
        if (await store.LoadAsync(businessId, applicationId, tracked: true) is not { } file || !ApplicationLifecycle.IsReportEditable(file.Application.Status))
        {
            return NotFound();
        }

        if (intent == "add")
        {
            ModelState.Clear();
            form.Lines.AddRange(Enumerable.Range(0, 3).Select(_ => new ReportLineForm()));
            return View("Report", await PageAsync(file, form));
        }

        foreach (var (fileName, problem) in await store.AttachAllAsync(file.Application, InvoicesKey, Request.Form.Files.GetFiles("Invoices"), UserId))
        {
            ModelState.AddModelError("Invoices", ApplicationStore.ProblemText(t, fileName, problem));
        }

        if (remove is { } attachmentId && file.FilesFor(InvoicesKey).Any(a => a.Id == attachmentId))
        {
            store.Detach(file.Application, attachmentId);
        }

        var valid = await validator.ValidateIntoAsync(form, ModelState) & InvoiceDates(file, form);
        if (valid)
        {
            store.SetReport(file.Application, form.ToLines());
        }

        if (intent == "submit" && valid && !file.FilesFor(InvoicesKey).Any() && !HasError("Invoices"))
        {
            ModelState.AddModelError("Invoices", t["Report.Validation.Invoices"]);
        }

        if (intent == "submit" && ModelState.IsValid)
        {
            if (!HttpContext.Membership().MaySubmitFor(file.Business))
            {
                return Forbid();
            }

            // The checks run again on the invoices now claimed: owed with the move (saved with it), run off this request's path.
            var outcome = await moves.MoveAsync(file, version, ApplicationStatus.ReportSubmitted, UserId, null, byStaff: false, a =>
            {
                a.ReportSubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
                integrity.Owe(a.Id, FlagSource.PerformanceReport);
            });
            if (outcome == MoveOutcome.Done)
            {
                integrity.Wake();
                TempData["Notice"] = t["Report.Submitted"].Value;
                return Redirect(file.Path());
            }

            ModelState.AddModelError("", t[outcome == MoveOutcome.Conflict ? "Apply.SubmitConflict" : "Apply.NotEditable"]);
            return View("Report", await PageAsync((await store.LoadAsync(businessId, applicationId))!, form));
        }

        // Saved (what is valid) whatever else happens: uploads and lines are not lost.
        await store.SaveAsync();
        if (ModelState.IsValid && intent != "submit")
        {
            TempData["Notice"] = t["Report.Saved"].Value;
            return Redirect(file.Path("report"));
        }

        AddBlankLines(form);
        return View("Report", await PageAsync(file, form));
    }

    private bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    private async Task<ReportPage> PageAsync(ApplicationFile file, ReportForm form) =>
        new(file, form, HttpContext.Membership().MaySubmitFor(file.Business),
            await store.LatestSubmittedAsync(file.Application.Id) is { } submitted ? AppliedTermsModel.Submitted(file, submitted) : null);

    /// <summary>
    /// Every invoice dated on or before today (Japan's date, from the app's clock) and within the project period
    /// (<see cref="ReportRules.Check"/>): an invoice not yet issued, or a cost of another time, is refused beside its date.
    /// </summary>
    private bool InvoiceDates(ApplicationFile file, ReportForm form)
    {
        var (start, end) = (file.Application.ProjectStart, file.Application.ProjectEnd);
        var today = JapanTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var valid = true;
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var field = $"Lines[{i}].InvoiceDate";
            if (form.Lines[i].IsBlank || ExpensesForm.Date(form.Lines[i].InvoiceDate) is not { } date || HasError(field))
            {
                continue;
            }

            var problem = ReportRules.Check(date, start, end, today);
            if (problem != InvoiceDateProblem.None)
            {
                ModelState.AddModelError(field, problem == InvoiceDateProblem.AfterReportDay
                    ? t["Report.Validation.AfterToday", Display.Date(today)]
                    : t["Report.Validation.OutsidePeriod", start is { } first ? Display.Date(first) : "", end is { } last ? Display.Date(last) : ""]);
                valid = false;
            }
        }

        return valid;
    }

    private static void AddBlankLines(ReportForm form)
    {
        while (form.Lines.Count(l => l.IsBlank) < ReportForm.BlankLines)
        {
            form.Lines.Add(new ReportLineForm());
        }
    }
}
