using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Review.Assign;
using SmePlatform.Web.Features.Review.Attachments;
using SmePlatform.Web.Features.Review.Decide;
using SmePlatform.Web.Features.Review.Flags;
using SmePlatform.Web.Features.Review.Grant;
using SmePlatform.Web.Features.Review.Page;
using SmePlatform.Web.Features.Review.Payment;
using SmePlatform.Web.Features.Review.Queue;
using SmePlatform.Web.Features.Review.Report;
using SmePlatform.Web.Features.Review.Resume;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Review;

/// <summary>
/// The reviewers' workspace: the queue (filter by measure, status, assignee, age and integrity flag), one application
/// as submitted with its checks, flags, attachments and timeline, assignment, resuming the review of a resubmitted one,
/// decisions (return with reasons per field and a deadline, select, not select), flags confirmed or dismissed, the
/// performance report's check and, for Supervisors, the grant decision and the payment. Each is a use case in its own
/// folder beside this controller (ADR 0016); every view and decision is audited there.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Route("review")]
public sealed class ReviewController(IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReviewQuery query, [FromServices] ReviewQueueQuery queue) =>
        View(await queue.HandleAsync(query, UserId));

    [HttpGet("{applicationId:int}")]
    public async Task<IActionResult> Show(int applicationId, [FromServices] ReviewPageQuery page) =>
        await page.HandleAsync(applicationId) is { } model ? View(model) : NotFound();

    /// <summary>Confirms a flag (a real problem) or dismisses it with a reason; audited; against the flag's version shown.</summary>
    [HttpPost("{applicationId:int}/flags/{flagId:long}")]
    public async Task<IActionResult> DecideFlag(
        int applicationId, long flagId, string? decision, int version, [FromServices] DecideFlagHandler handler, [FromServices] ReviewPageQuery page)
    {
        var command = new FlagDecision(applicationId, flagId, decision, Request.Form[FlagView.ReasonFieldOf(flagId)].ToString(), version);
        var outcome = await handler.HandleAsync(command, UserId);
        ViewData[command.ReasonField] = command.Why;
        return await AnswerAsync(outcome, applicationId, command.State == FlagState.Confirmed ? "Integrity.Confirmed" : "Integrity.Dismissed", TypedForms.None, page);
    }

    /// <summary>
    /// Assigns the application to the reviewer chosen in the list, or to the signed-in reviewer when they take it
    /// ("自分が担当する" posts <c>take=me</c> beside the list's choice, which it overrides); audited with the assignee.
    /// </summary>
    [HttpPost("{applicationId:int}/assign")]
    public async Task<IActionResult> Assign(
        int applicationId, string? assignee, string? take, int version, [FromServices] AssignReviewerHandler handler, [FromServices] ReviewPageQuery page) =>
        await AnswerAsync(await handler.HandleAsync(new AssignReviewer(applicationId, assignee, take, version, UserId)), applicationId, "Review.Assigned", TypedForms.None, page);

    /// <summary>Resumes the review of a resubmitted application, for the reviewer it is assigned to (who stays assigned); audited.</summary>
    [HttpPost("{applicationId:int}/resume")]
    public async Task<IActionResult> Resume(int applicationId, int version, [FromServices] ResumeReviewHandler handler, [FromServices] ReviewPageQuery page) =>
        await AnswerAsync(await handler.HandleAsync(applicationId, version, UserId), applicationId, "Review.Resumed", TypedForms.None, page);

    [HttpPost("{applicationId:int}/decide")]
    public async Task<IActionResult> Decide(int applicationId, DecisionForm form, [FromServices] DecideApplicationHandler handler, [FromServices] ReviewPageQuery page) =>
        await AnswerAsync(await handler.HandleAsync(applicationId, form, UserId), applicationId, "Review.Decided", new() { Decision = form }, page);

    [HttpPost("{applicationId:int}/grant")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Grant(int applicationId, GrantForm form, [FromServices] DecideGrantHandler handler, [FromServices] ReviewPageQuery page) =>
        await AnswerAsync(await handler.HandleAsync(applicationId, form, UserId), applicationId, "Review.Granted", new() { Grant = form }, page);

    /// <summary>Confirms the amount payable of a submitted performance report (額の確定), or returns the report with a reason.</summary>
    [HttpPost("{applicationId:int}/report")]
    public async Task<IActionResult> ReportDecision(
        int applicationId, [Bind(Prefix = ReportDecisionForm.Prefix)] ReportDecisionForm form, [FromServices] DecideReportHandler handler, [FromServices] ReviewPageQuery page)
    {
        var notice = form.Decision == ReportDecisionForm.Confirm ? "Report.Confirmed" : "Report.Returned";
        return await AnswerAsync(await handler.HandleAsync(applicationId, form, UserId), applicationId, notice, new() { Report = form }, page);
    }

    /// <summary>
    /// Records the payment of the confirmed amount (a Supervisor): the application is complete. Refused while an
    /// invoice's date does not stand (the report goes back first), and for a day after today or before the latest invoice.
    /// </summary>
    [HttpPost("{applicationId:int}/payment")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Payment(
        int applicationId, [Bind(Prefix = PaymentForm.Prefix)] PaymentForm form, [FromServices] RecordPaymentHandler handler, [FromServices] ReviewPageQuery page) =>
        await AnswerAsync(await handler.HandleAsync(applicationId, form, UserId), applicationId, "Payment.Recorded", new() { Payment = form }, page);

    [HttpGet("{applicationId:int}/attachments/{attachmentId:int}")]
    [FileDownload]
    public async Task<IActionResult> Attachment(int applicationId, int attachmentId, [FromServices] ReviewAttachmentQuery attachments) =>
        await attachments.HandleAsync(applicationId, attachmentId) is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();

    /// <summary>
    /// Done: back to the application with a notice (<paramref name="notice"/>, a resource key). Refused (someone changed it
    /// first, or the move is not open to it now) or invalid: the page again, saying why, with what was typed kept.
    /// A value no form offers (<see cref="Unreadable"/>) is a bad request.
    /// </summary>
    private async Task<IActionResult> AnswerAsync(Outcome<Unit> outcome, int applicationId, string notice, TypedForms typed, ReviewPageQuery page)
    {
        if (outcome.IsDone)
        {
            TempData["Notice"] = t[notice].Value;
            return Redirect($"/review/{applicationId}");
        }

        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (Unreadable.Among(outcome.Errors))
        {
            return BadRequest();
        }

        var refused = outcome.Kind != OutcomeKind.Invalid;
        if (refused)
        {
            ModelState.AddModelError("", t[outcome.Kind == OutcomeKind.Conflict ? "Review.Conflict" : "Review.NotAllowed"]);
        }

        ModelState.AddOutcomeErrors(outcome);
        return await page.AgainAsync(applicationId, typed, refused) is { } model ? View(nameof(Show), model) : NotFound();
    }
}
