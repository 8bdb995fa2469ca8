using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Integrity;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Review;

/// <summary>The queue's filters, as the query string carries them.</summary>
/// <param name="Measure">Only this measure's applications.</param>
/// <param name="Status">Only this status (otherwise every open one).</param>
/// <param name="Assignee"><c>me</c>, <c>none</c>, or a reviewer's id.</param>
/// <param name="OlderThanDays">Only those submitted more than this many days ago.</param>
/// <param name="Flag">Only applications with an open integrity flag: <see cref="AnyFlag"/>, or one rule's name.</param>
/// <param name="Page">The page, from 1.</param>
public sealed record ReviewQuery(int? Measure, ApplicationStatus? Status, string? Assignee, int? OlderThanDays, string? Flag = null, int Page = 1)
{
    public const string AnyFlag = "any";
    public const int PageSize = 50;
    public const int CountLimit = 1000;
}

public sealed record QueueItem(int Id, string? Number, string MeasureTitleJa, string MeasureTitleEn, string BusinessName, ApplicationStatus Status, DateTime? SubmittedAtUtc, string? AssigneeName);

/// <param name="Query">The filters and page.</param>
/// <param name="Items">The page's applications (one more than a page when there is a next one).</param>
/// <param name="Total">How many match, up to <see cref="ReviewQuery.CountLimit"/> + 1.</param>
/// <param name="Measures">The measures that take applications, for the filter.</param>
/// <param name="NowUtc">The instant ages are counted to.</param>
public sealed record QueuePage(ReviewQuery Query, IReadOnlyList<QueueItem> Items, int Total, IReadOnlyList<(int Id, string TitleJa, string TitleEn)> Measures, DateTime NowUtc)
{
    public bool HasNext => Items.Count > ReviewQuery.PageSize;

    public IEnumerable<QueueItem> Shown => Items.Take(ReviewQuery.PageSize);
}

/// <summary>A flag as the review page shows it: its explanation in words, the other application's number, the other businesses' names.</summary>
public sealed record FlagView(IntegrityFlag Flag, string Explanation, string? OtherNumber, IReadOnlyList<LineMatch> Lines, IReadOnlyList<string> OtherBusinesses)
{
    /// <summary>The name of the flag's reason field (unique on the page: one form per flag).</summary>
    public string ReasonField => string.Create(CultureInfo.InvariantCulture, $"Flag{Flag.Id}.Reason");
}

/// <summary>
/// What a performance report allows: a reported line counts where its category was planned and its invoice's date
/// stands (<see cref="ReportRules.Check"/>: within the project period, not after the day the report came in); the most
/// payable is the limit of the terms the application was submitted under on the eligible actual cost (rate by band,
/// rounded down, capped by the maximum), up to the grant (<see cref="Domain.Catalogue.AppliedTerms.Payable"/>); without
/// terms, the actual cost up to the grant. While a line's date does not stand (<see cref="DateProblems"/>), the amount
/// is not confirmed nor the payment recorded.
/// </summary>
public sealed record ReportCheck(IReadOnlySet<string> PlannedCategories, long EligibleActualYen, long PayableLimitYen)
{
    public static readonly ReportCheck Empty = new(new HashSet<string>(), 0, 0);

    /// <summary>The lines whose invoice date does not stand, by position, with why.</summary>
    public IReadOnlyDictionary<int, InvoiceDateProblem> DateProblems { get; init; } = new Dictionary<int, InvoiceDateProblem>();

    /// <summary>The latest invoice date reported: a payment is not dated before it.</summary>
    public DateOnly? LatestInvoice { get; init; }

    /// <param name="file">The application with its planned and reported lines.</param>
    /// <param name="submitted">Its latest submitted content, whose terms apply.</param>
    /// <param name="nowUtc">Now: the day a report not yet submitted is judged on.</param>
    public static ReportCheck Of(ApplicationFile file, SubmittedContent? submitted, DateTime nowUtc)
    {
        var application = file.Application;
        var planned = application.Expenses.Select(e => e.Category).ToHashSet(StringComparer.Ordinal);
        // The day the report came in (one written before this rule may be checked later): an invoice is not dated after it.
        var reportDay = JapanTime.DateOf(application.ReportSubmittedAtUtc ?? nowUtc);
        var problems = application.ReportLines
            .Select(l => (l.Position, Problem: ReportRules.Check(l.InvoiceDate, application.ProjectStart, application.ProjectEnd, reportDay)))
            .Where(p => p.Problem != InvoiceDateProblem.None)
            .ToDictionary(p => p.Position, p => p.Problem);
        var eligible = Domain.Yen.Sum(application.ReportLines.Where(l => planned.Contains(l.Category) && !problems.ContainsKey(l.Position)).Select(l => l.AmountYen));
        var granted = application.GrantedYen ?? 0;
        var terms = submitted is null ? file.TermsFor(application.SizeClass, null) : file.TermsOf(submitted);
        return new ReportCheck(planned, eligible, terms.Outcome.Applied?.Payable(eligible, granted) ?? Math.Max(0, Math.Min(eligible, granted)))
        {
            DateProblems = problems,
            LatestInvoice = application.ReportLines.Count > 0 ? application.ReportLines.Max(l => l.InvoiceDate) : null,
        };
    }
}

public sealed record ReviewPage(
    ApplicationFile File, SubmittedContent? Submitted, IReadOnlyList<CheckResult> Checks, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<(string Id, string Name)> Reviewers, string? AssigneeName, DecisionForm Decision, GrantForm Grant, EligibilitySnapshot? Eligibility,
    IReadOnlyList<FlagView> Flags)
{
    /// <summary>A decision that lost to someone else's: shown back so nothing typed is lost.</summary>
    public DecisionForm? Unrecorded { get; init; }

    /// <summary>The performance report's check: the form, and what the reported lines allow (<see cref="ReportCheck"/>).</summary>
    public ReportDecisionForm Report { get; init; } = new();

    public ReportCheck ReportCheck { get; init; } = ReportCheck.Empty;

    public PaymentForm Payment { get; init; } = new();

    /// <summary>The measure's terms as the application was submitted under them, on its submitted eligible cost.</summary>
    public AppliedTermsModel? Terms => Submitted is null ? null : AppliedTermsModel.Submitted(File, Submitted);
}

/// <summary>
/// The reviewers' workspace: the queue (filter by measure, status, assignee and age), one application as submitted
/// with its checks, attachments and timeline, assignment, resuming the review of a resubmitted one, decisions (return with reasons per field and a
/// deadline, select, not select) and, for Supervisors, the grant decision. Every view and decision is audited.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Route("review")]
public sealed class ReviewController(
    SmeDbContext db, ApplicationStore store, ApplicationMoves moves, IntegrityInspector inspector, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly ApplicationStatus[] InQueue =
        [
            ApplicationStatus.Submitted, ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Selected,
            ApplicationStatus.ReportSubmitted, ApplicationStatus.AmountConfirmed,
        ];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReviewQuery query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Submitted ones only (a draft has no submission instant): lets the database walk the submission-order index.
        var applications = db.Applications.AsNoTracking().Where(a => a.SubmittedAtUtc != null);
        applications = query.Status is { } status ? applications.Where(a => a.Status == status) : applications.Where(a => InQueue.Contains(a.Status));
        if (query.Measure is { } measureId)
        {
            applications = applications.Where(a => a.MeasureId == measureId);
        }

        applications = query.Assignee switch
        {
            "me" => applications.Where(a => a.AssigneeUserId == UserId),
            "none" => applications.Where(a => a.AssigneeUserId == null),
            { Length: > 0 } someone => applications.Where(a => a.AssigneeUserId == someone),
            _ => applications,
        };
        // Flagged ones are few: read from the flags' (state, rule) index, not by probing every open application.
        var open = db.IntegrityFlags.Where(f => f.State == FlagState.Open);
        if (query.Flag == ReviewQuery.AnyFlag)
        {
            applications = applications.Where(a => open.Select(f => f.ApplicationId).Contains(a.Id));
        }
        else if (Enum.TryParse<IntegrityRule>(query.Flag, out var rule) && Enum.IsDefined(rule))
        {
            applications = applications.Where(a => open.Where(f => f.Rule == rule).Select(f => f.ApplicationId).Contains(a.Id));
        }

        if (query.OlderThanDays is > 0 and var days)
        {
            var before = now.AddDays(-days);
            applications = applications.Where(a => a.SubmittedAtUtc < before);
        }

        var page = Math.Max(1, query.Page);
        // Counted up to a limit: beyond it the page says "more than 1,000" (an exact count of every open
        // application costs a scan of them all on each view, for a number nobody reads exactly).
        var total = await applications.Take(ReviewQuery.CountLimit + 1).CountAsync();
        var pageOfApplications = applications
            .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * ReviewQuery.PageSize).Take(ReviewQuery.PageSize + 1);
        var items = await (
            from a in pageOfApplications
            join m in db.SupportMeasures on a.MeasureId equals m.Id
            join b in db.Businesses on a.BusinessId equals b.Id
            join u in db.Users on a.AssigneeUserId equals u.Id into assignees
            from u in assignees.DefaultIfEmpty()
            orderby a.SubmittedAtUtc, a.Id
            select new QueueItem(a.Id, a.Number, m.TitleJa, m.TitleEn, b.Name, a.Status, a.SubmittedAtUtc, u == null ? null : u.DisplayName))
            .ToListAsync();
        var measures = await db.ApplicationForms.AsNoTracking().Select(f => f.MeasureId).Distinct()
            .Join(db.SupportMeasures, id => id, m => m.Id, (id, m) => new { m.Id, m.TitleJa, m.TitleEn })
            .ToListAsync();
        return View(new QueuePage(query with { Page = page }, items, total, [.. measures.Select(m => (m.Id, m.TitleJa, m.TitleEn))], now));
    }

    [HttpGet("{applicationId:int}")]
    public async Task<IActionResult> Show(int applicationId)
    {
        if (await store.LoadForStaffAsync(applicationId) is not { } file)
        {
            return NotFound();
        }

        audit.Record("application.viewed", "Application", applicationId.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync();
        // The checks run again as the reviewer opens it: what changed since (another claim, a profile) is seen now.
        await inspector.RaiseAsync(applicationId, await inspector.InspectAsync(applicationId), FlagSource.Review);
        return View(await PageAsync(file, null, null));
    }

    /// <summary>Confirms a flag (a real problem) or dismisses it with a reason; audited; against the flag's version shown.</summary>
    [HttpPost("{applicationId:int}/flags/{flagId:long}")]
    public async Task<IActionResult> DecideFlag(int applicationId, long flagId, string? decision, int version)
    {
        if (await store.LoadForStaffAsync(applicationId) is not { } file
            || await db.IntegrityFlags.FirstOrDefaultAsync(f => f.Id == flagId && f.ApplicationId == applicationId) is not { } flag)
        {
            return NotFound();
        }

        var state = decision switch { "confirm" => FlagState.Confirmed, "dismiss" => FlagState.Dismissed, _ => (FlagState?)null };
        var field = string.Create(CultureInfo.InvariantCulture, $"Flag{flagId}.Reason");
        var reason = Request.Form[field].ToString().Trim();
        if (state is null)
        {
            return BadRequest();
        }

        if (state == FlagState.Dismissed && reason.Length == 0)
        {
            ModelState.AddModelError(field, t["Integrity.Validation.DismissReason"]);
        }
        else if (reason.Length > 2000)
        {
            ModelState.AddModelError(field, t["Answer.TooLong", 2000]);
        }

        if (!ModelState.IsValid || flag.State != FlagState.Open)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", t["Review.NotAllowed"]);
            }

            var page = await PageAsync(file, null, null);
            ViewData[field] = reason;
            return View(nameof(Show), page);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        (flag.State, flag.DecidedByUserId, flag.DecidedAtUtc, flag.DecisionReason) = (state.Value, UserId, now, reason.Length == 0 ? null : reason);
        audit.Record($"flag.{decision}", "IntegrityFlag", flagId.ToString(CultureInfo.InvariantCulture), $"application {applicationId}: {flag.Rule}");
        if (!await db.SaveFromVersionAsync(flag, version, now))
        {
            ModelState.AddModelError("", t["Review.Conflict"]);
            ViewData[field] = reason;
            return View(nameof(Show), await PageAsync((await store.LoadForStaffAsync(applicationId))!, null, null));
        }

        return Done(applicationId, t[state == FlagState.Confirmed ? "Integrity.Confirmed" : "Integrity.Dismissed"]);
    }

    /// <summary>
    /// Assigns the application to the reviewer chosen in the list, or to the signed-in reviewer when they take it
    /// ("自分が担当する" posts <c>take=me</c> beside the list's choice, which it overrides); audited with the assignee.
    /// </summary>
    [HttpPost("{applicationId:int}/assign")]
    public async Task<IActionResult> Assign(int applicationId, string? assignee, string? take, int version)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        var reviewer = take == "me" || string.IsNullOrEmpty(assignee) || assignee == "me" ? UserId : assignee;
        var reviewers = await ReviewersAsync();
        if (!reviewers.Any(r => r.Id == reviewer))
        {
            return BadRequest();
        }

        return await OutcomeAsync(await moves.AssignAsync(file, version, reviewer, UserId), applicationId, t["Review.Assigned"]);
    }

    /// <summary>Resumes the review of a resubmitted application, for the reviewer it is assigned to (who stays assigned); audited.</summary>
    [HttpPost("{applicationId:int}/resume")]
    public async Task<IActionResult> Resume(int applicationId, int version)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        return await OutcomeAsync(await moves.ResumeAsync(file, version, UserId), applicationId, t["Review.Resumed"]);
    }

    [HttpPost("{applicationId:int}/decide")]
    public async Task<IActionResult> Decide(int applicationId, DecisionForm form, [FromServices] IValidator<DecisionForm> validator)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(nameof(Show), await PageAsync(file, form, null));
        }

        var application = file.Application;
        var outcome = form.Parsed switch
        {
            ReviewDecision.Return => await moves.MoveAsync(file, form.Version, ApplicationStatus.ReturnedForCorrection, UserId, form.Reason, byStaff: true, a =>
            {
                _ = FieldInput.TryDate(form.CorrectionDue, out var due);
                a.CorrectionDueAtUtc = JapanTime.ToUtc(due, new TimeOnly(17, 0));
                a.Corrections.AddRange(form.Fields.Where(f => !f.IsBlank).Select(f => new CorrectionRequest { Round = a.Rounds, FieldKey = f.Key!, Reason = f.Reason!.Trim() }));
            }),
            ReviewDecision.Select => await moves.MoveAsync(file, form.Version, ApplicationStatus.Selected, UserId, form.Reason, byStaff: true),
            _ => await moves.MoveAsync(file, form.Version, ApplicationStatus.NotSelected, UserId, form.Reason, byStaff: true),
        };
        return outcome == MoveOutcome.Done
            ? Done(applicationId, t["Review.Decided"])
            : View(nameof(Show), await RefusedAsync(applicationId, outcome, form, null));
    }

    [HttpPost("{applicationId:int}/grant")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Grant(int applicationId, GrantForm form, [FromServices] IValidator<GrantForm> validator)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        var valid = await validator.ValidateIntoAsync(form, ModelState);
        if (valid && form.Amount > file.Application.RequestedYen)
        {
            ModelState.AddModelError(nameof(form.GrantedYen), t["Review.Validation.GrantOverRequest", Infrastructure.Localization.Display.Yen(file.Application.RequestedYen ?? 0)]);
            valid = false;
        }

        if (!valid)
        {
            return View(nameof(Show), await PageAsync(file, null, form));
        }

        var outcome = await moves.MoveAsync(file, form.Version, ApplicationStatus.GrantDecided, UserId, form.Reason, byStaff: true, a => a.GrantedYen = form.Amount);
        return outcome == MoveOutcome.Done ? Done(applicationId, t["Review.Granted"]) : View(nameof(Show), await RefusedAsync(applicationId, outcome, null, form));
    }

    /// <summary>Confirms the amount payable of a submitted performance report (額の確定), or returns the report with a reason.</summary>
    [HttpPost("{applicationId:int}/report")]
    public async Task<IActionResult> ReportDecision(int applicationId, [Bind(Prefix = "Report")] ReportDecisionForm form)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        var check = ReportCheck.Of(file, await store.LatestSubmittedAsync(applicationId), clock.GetUtcNow().UtcDateTime);
        var limit = check.PayableLimitYen;
        var reason = form.Reason?.Trim() ?? "";
        var payable = Domain.Text.JapaneseInput.TryWhole(form.PayableYen, out var typed) && typed is >= 0 && typed <= limit ? typed : null;
        if (form.Decision is not ("confirm" or "return"))
        {
            ModelState.AddModelError("Report.Decision", t["Report.Validation.Decision"]);
        }
        else if (form.Decision == "confirm" && check.DateProblems.Count > 0)
        {
            // An invoice not yet issued, or of another time than the project's, goes back to the applicant: not paid.
            ModelState.AddModelError("Report.Decision", t["Report.Validation.DateProblems"]);
        }
        else if (form.Decision == "confirm" && payable is null)
        {
            ModelState.AddModelError("Report.PayableYen", string.IsNullOrWhiteSpace(form.PayableYen)
                ? t["Report.Validation.PayableYenRequired"]
                : t["Report.Validation.PayableYen", Infrastructure.Localization.Display.Yen(limit)]);
        }

        if ((form.Decision == "return" && reason.Length == 0) || reason.Length > 2000)
        {
            ModelState.AddModelError("Report.Reason", reason.Length == 0 ? t["Report.Validation.Reason"] : t["Answer.TooLong", 2000]);
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Show), await PageAsync(file, null, null) with { Report = form });
        }

        var outcome = form.Decision == "confirm"
            ? await moves.MoveAsync(file, form.Version, ApplicationStatus.AmountConfirmed, UserId, reason.Length == 0 ? null : reason, byStaff: true, a => a.PayableYen = payable)
            : await moves.MoveAsync(file, form.Version, ApplicationStatus.ReportReturned, UserId, reason, byStaff: true, a => a.PayableYen = null);
        return outcome == MoveOutcome.Done
            ? Done(applicationId, t[form.Decision == "confirm" ? "Report.Confirmed" : "Report.Returned"])
            : View(nameof(Show), await RefusedAsync(applicationId, outcome, null, null) with { Report = form });
    }

    /// <summary>
    /// Records the payment of the confirmed amount (a Supervisor): the application is complete. Refused while an
    /// invoice's date does not stand (the report goes back first), and for a day after today or before the latest invoice.
    /// </summary>
    [HttpPost("{applicationId:int}/payment")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Payment(int applicationId, [Bind(Prefix = "Payment")] PaymentForm form)
    {
        if (await store.LoadForStaffAsync(applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        var reference = form.Reference?.Trim() ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var check = ReportCheck.Of(file, await store.LatestSubmittedAsync(applicationId), now);
        var today = JapanTime.DateOf(now);
        if (check.DateProblems.Count > 0)
        {
            ModelState.AddModelError("", t["Payment.Validation.DateProblems"]);
        }

        // Empty: asked for; typed otherwise than a date: the example shows how.
        var paidOn = default(DateOnly);
        if (string.IsNullOrWhiteSpace(form.PaidOn))
        {
            ModelState.AddModelError("Payment.PaidOn", t["Payment.Validation.PaidOn"]);
        }
        else if (!FieldInput.TryDate(form.PaidOn, out paidOn))
        {
            ModelState.AddModelError("Payment.PaidOn", t["Payment.Validation.PaidOnFormat"]);
        }
        else if (ReportRules.CheckPayment(paidOn, check.LatestInvoice, today) is var problem && problem != PaymentDateProblem.None)
        {
            ModelState.AddModelError("Payment.PaidOn", problem == PaymentDateProblem.AfterToday
                ? t["Payment.Validation.AfterToday", Infrastructure.Localization.Display.Date(today)]
                : t["Payment.Validation.BeforeInvoice", Infrastructure.Localization.Display.Date(check.LatestInvoice!.Value)]);
        }

        if (reference.Length is 0 or > 50)
        {
            ModelState.AddModelError("Payment.Reference", t["Payment.Validation.Reference"]);
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Show), await PageAsync(file, null, null) with { Payment = form });
        }

        var outcome = await moves.MoveAsync(file, form.Version, ApplicationStatus.Paid, UserId, reference, byStaff: true, a => (a.PaidOn, a.PaymentReference) = (paidOn, reference));
        return outcome == MoveOutcome.Done
            ? Done(applicationId, t["Payment.Recorded"])
            : View(nameof(Show), await RefusedAsync(applicationId, outcome, null, null) with { Payment = form });
    }

    [HttpGet("{applicationId:int}/attachments/{attachmentId:int}")]
    [FileDownload]
    public async Task<IActionResult> Attachment(int applicationId, int attachmentId)
    {
        if (await store.LoadForStaffAsync(applicationId) is not { } file
            || file.Application.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment
            || await store.ContentAsync(file, attachmentId) is not { } bytes)
        {
            return NotFound();
        }

        audit.Record("attachment.downloaded", "ApplicationAttachment", attachmentId.ToString(CultureInfo.InvariantCulture), $"application {applicationId}");
        await db.SaveChangesAsync();
        return File(bytes, attachment.ContentType, attachment.FileName);
    }

    private async Task<IActionResult> OutcomeAsync(MoveOutcome outcome, int applicationId, string notice) =>
        outcome == MoveOutcome.Done ? Done(applicationId, notice) : View(nameof(Show), await RefusedAsync(applicationId, outcome, null, null));

    private RedirectResult Done(int applicationId, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/review/{applicationId}");
    }

    /// <summary>The page again after someone else changed the application first (or the move is not allowed), with what this reviewer typed kept.</summary>
    private async Task<ReviewPage> RefusedAsync(int applicationId, MoveOutcome outcome, DecisionForm? decision, GrantForm? grant)
    {
        ModelState.AddModelError("", t[outcome == MoveOutcome.Conflict ? "Review.Conflict" : "Review.NotAllowed"]);
        var fresh = (await store.LoadForStaffAsync(applicationId))!;
        // The forms now stand on the state just shown; what was typed is kept (and shown even when the form is gone).
        if (decision is not null)
        {
            decision.Version = fresh.Application.Version;
        }

        if (grant is not null)
        {
            grant.Version = fresh.Application.Version;
        }

        return await PageAsync(fresh, decision, grant) with { Unrecorded = decision };
    }

    private async Task<ReviewPage> PageAsync(ApplicationFile file, DecisionForm? decision, GrantForm? grant)
    {
        var application = file.Application;
        var latest = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderByDescending(s => s.Round).FirstOrDefaultAsync();
        var submitted = latest is null ? null : SubmittedContent.Parse(latest.Content);
        var checks = submitted is null
            ? []
            : CalculatedChecks.Run(file.TermsOf(submitted).Outcome, file.Window, [.. submitted.Expenses.Select(e => e.AmountYen)], submitted.RequestedYen, submitted.SubmittedAtUtc);
        var transitions = await db.ApplicationTransitions.AsNoTracking().Where(x => x.ApplicationId == application.Id).OrderBy(x => x.AtUtc).ThenBy(x => x.Id).ToListAsync();
        var reviewers = await ReviewersAsync();
        var assignee = reviewers.FirstOrDefault(r => r.Id == application.AssigneeUserId).Name;
        // A fresh form carries the version shown; one that came back keeps what was typed and its version.
        decision ??= new DecisionForm { Version = application.Version };
        grant ??= new GrantForm { Version = application.Version, GrantedYen = application.RequestedYen is { } requested ? Infrastructure.Localization.Display.YenInField(requested) : null };
        while (decision.Fields.Count < DecisionForm.FieldRows)
        {
            decision.Fields.Add(new FieldReasonForm());
        }

        var report = ReportCheck.Of(file, submitted, clock.GetUtcNow().UtcDateTime);
        return new ReviewPage(
            file, submitted, checks, ApplicationsController.TimelineOf(transitions, clock.GetUtcNow().UtcDateTime), reviewers, assignee, decision, grant,
            EligibilitySnapshot.Parse(latest?.Eligibility), await FlagsAsync(application.Id))
        {
            ReportCheck = report,
            Report = new ReportDecisionForm { Version = application.Version, PayableYen = Infrastructure.Localization.Display.YenInField(report.PayableLimitYen) },
            Payment = new PaymentForm { Version = application.Version },
        };
    }

    /// <summary>The application's flags, open ones first and the weightiest first, with their evidence in words.</summary>
    private async Task<IReadOnlyList<FlagView>> FlagsAsync(int applicationId)
    {
        var flags = await db.IntegrityFlags.AsNoTracking().Where(f => f.ApplicationId == applicationId).ToListAsync();
        var otherIds = flags.Select(f => f.OtherApplicationId).OfType<int>().Distinct().ToList();
        var numbers = await db.Applications.Where(a => otherIds.Contains(a.Id)).Select(a => new { a.Id, a.Number }).ToDictionaryAsync(a => a.Id, a => a.Number);
        var businessIds = flags.SelectMany(f => Ids(f.OtherBusinessIds)).Distinct().ToList();
        var names = await db.Businesses.Where(b => businessIds.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name);
        return [.. flags
            .OrderBy(f => f.State != FlagState.Open).ThenByDescending(f => f.Severity).ThenBy(f => f.Id)
            .Select(f => new FlagView(
                f, FlagText.Explain(t, f.Explanation, f.Values), f.OtherApplicationId is { } other ? numbers.GetValueOrDefault(other) : null,
                f.Lines is null ? [] : System.Text.Json.JsonSerializer.Deserialize<LineMatch[]>(f.Lines) ?? [],
                [.. Ids(f.OtherBusinessIds).Select(id => names.GetValueOrDefault(id) ?? "")]))];
    }

    private static int[] Ids(string? json) => json is null ? [] : System.Text.Json.JsonSerializer.Deserialize<int[]>(json) ?? [];

    private async Task<List<(string Id, string Name)>> ReviewersAsync()
    {
        var roleIds = await db.Roles.Where(r => r.Name == StaffRoles.Reviewer || r.Name == StaffRoles.Supervisor).Select(r => r.Id).ToListAsync();
        var people = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName })
            .OrderBy(u => u.DisplayName).ToListAsync();
        return [.. people.Select(p => (p.Id, p.DisplayName))];
    }
}
