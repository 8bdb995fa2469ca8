using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Integrity;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Applications.Submit;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Views;

namespace SmePlatform.Web.Features.Applications;

public sealed record ApplicationListPage(Business Business, IReadOnlyList<ApplicationListItem> Items);

public sealed record ApplicationListItem(int Id, string? Number, string MeasureTitleJa, string MeasureTitleEn, ApplicationStatus Status, DateTime UpdatedAtUtc);

public sealed record ApplicationPage(ApplicationFile File, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<Data.Applications.Submission> Receipts, BusinessMember Membership);

/// <summary>One stage of the timeline: the status, when it began, and how long it lasted (to now for the current one).</summary>
public sealed record TimelineEntry(ApplicationStatus Status, DateTime FromUtc, TimeSpan Duration, string? Reason);

public sealed record ProfileStepPage(ApplicationFile File, IReadOnlyDictionary<string, PrefillValue> Values);

public sealed record ProfileConfirmPage(ApplicationFile File, IReadOnlyList<(string Field, string? Old, string? New)> Changes);

public sealed record SectionPage(ApplicationFile File, FormSection Section);

/// <param name="File">The application.</param>
/// <param name="Form">The step's fields as typed or saved.</param>
/// <param name="Terms">The measure's terms applied to the application as saved (the track and top-ups before this post), on the lines shown.</param>
public sealed record ExpensesPage(ApplicationFile File, ExpensesForm Form, AppliedTermsModel Terms);

public sealed record CheckPage(
    ApplicationFile File, IReadOnlyDictionary<string, PrefillValue> Profile, IReadOnlyList<CheckResult> Checks, IReadOnlyList<Blocker> Blockers, bool MaySubmit,
    string IdempotencyKey, EligibilitySnapshot Eligibility, SubmittedTerms Terms, DateOnly Today)
{
    /// <summary>The terms as the page explains them: on today's date, to the eligible cost of the saved lines.</summary>
    public AppliedTermsModel Explained => new(Terms, Domain.Yen.Sum(File.Application.Expenses.Select(e => e.AmountYen)), Today);

    /// <summary>What the automatic integrity checks found in the applicant's own data (never another business's), by rule, with where to fix it.</summary>
    public IReadOnlyList<WarningGroup> Warnings { get; init; } = [];
}

/// <summary>One rule's findings on the check page: the first few explained, and how many more there are like them.</summary>
public sealed record WarningGroup(IntegrityRule Rule, IReadOnlyList<string> Explanations, int More)
{
    /// <summary>How many findings of one rule are explained; a long list of the same warning says no more than its count.</summary>
    public const int Shown = 5;

    public static IReadOnlyList<WarningGroup> Of(IEnumerable<Finding> findings, Func<Finding, string> explain) =>
        [.. findings.GroupBy(f => f.Rule).Select(g => new WarningGroup(g.Key, [.. g.Take(Shown).Select(explain)], Math.Max(0, g.Count() - Shown)))];
}

/// <summary>A receipt: the submission, whether its content still matches its hash, and the content as submitted.</summary>
public sealed record ReceiptPage(ApplicationFile File, Data.Applications.Submission Submission, bool Unchanged, SubmittedContent Content)
{
    public IReadOnlyList<AttachmentContent> Files => Content.Attachments;
}

/// <summary>
/// The applicant's journey: start from a measure, one page per step (each saved on Next, and autosaved with
/// JavaScript), check the answers, submit, and the receipt. Every route is scoped to the business in it: another
/// business's application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationsController(
    SmeDbContext db, ApplicationStore store, ProfilePrefill prefill, ApplicantFactsReader facts, EligibilityEngine engine, ReasonText reasons,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId)
    {
        var business = await db.Businesses.AsNoTracking().FirstAsync(b => b.Id == businessId);
        var items = await db.Applications.AsNoTracking().Where(a => a.BusinessId == businessId)
            .Join(db.SupportMeasures, a => a.MeasureId, m => m.Id, (a, m) => new ApplicationListItem(a.Id, a.Number, m.TitleJa, m.TitleEn, a.Status, a.UpdatedAtUtc))
            .ToListAsync();
        return View(new ApplicationListPage(business, [.. items.OrderByDescending(i => i.UpdatedAtUtc)]));
    }

    [HttpGet("{applicationId:int}")]
    public async Task<IActionResult> Show(int businessId, int applicationId)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        var transitions = await db.ApplicationTransitions.AsNoTracking().Where(x => x.ApplicationId == applicationId).OrderBy(x => x.AtUtc).ThenBy(x => x.Id).ToListAsync();
        var timeline = Timeline.ApplicationTimeline.Of(transitions, clock.GetUtcNow().UtcDateTime);
        var receipts = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == applicationId).OrderBy(s => s.Round).ToListAsync();
        return View(new ApplicationPage(file, timeline, receipts, HttpContext.Membership()));
    }

    [HttpGet("{applicationId:int}/" + ApplicationFile.ProfileStep)]
    public async Task<IActionResult> Profile(int businessId, int applicationId) =>
        await store.LoadAsync(businessId, applicationId) is { } file
            ? View(new ProfileStepPage(file, await prefill.ValuesAsync(file.Business)))
            : NotFound();

    [HttpGet("{applicationId:int}/profile/change")]
    public async Task<IActionResult> ChangeProfile(int businessId, int applicationId)
    {
        if (await EditableAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        var values = await prefill.ValuesAsync(file.Business);
        return View(new ProfileStepPage(file, values));
    }

    /// <summary>
    /// Changes to profile items go to the profile only once confirmed: "review" checks them with the profile's own
    /// validators and shows old against new; "confirm" writes them back (recorded as coming from an application).
    /// </summary>
    [HttpPost("{applicationId:int}/profile/change")]
    public async Task<IActionResult> ChangeProfile(int businessId, int applicationId, ProfileChangeForm form, string? intent, [FromServices] ProfileWriteBack writeBack)
    {
        if (await EditableAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        var current = await prefill.ValuesAsync(file.Business);
        var changes = form.Values
            .Where(pair => file.Form.ProfileFields.Contains(pair.Key) && ProfilePrefill.Fields.Contains(pair.Key) && pair.Key != nameof(Business.CorporateNumber))
            .Where(pair => (pair.Value ?? "").Trim() != (current.GetValueOrDefault(pair.Key)?.Value ?? ""))
            .ToDictionary(pair => pair.Key, pair => string.IsNullOrWhiteSpace(pair.Value) ? null : pair.Value.Trim(), StringComparer.Ordinal);
        if (intent == "back")
        {
            foreach (var (field, value) in changes)
            {
                ModelState.SetModelValue($"Values[{field}]", value, value);
            }

            return View(new ProfileStepPage(file, current));
        }

        if (changes.Count == 0)
        {
            return Redirect(file.Path(ApplicationFile.ProfileStep));
        }

        var result = intent == "confirm"
            ? await writeBack.WriteBackAsync(businessId, changes, UserId)
            : await writeBack.CheckAsync(businessId, changes);
        if (!result.Saved)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"Values[{field}]", message);
            }

            return View(nameof(ChangeProfile), new ProfileStepPage(file, current));
        }

        if (intent == "confirm")
        {
            TempData["Notice"] = t["Apply.ProfileUpdated"].Value;
            return Redirect(file.Path(ApplicationFile.ProfileStep));
        }

        return View("ConfirmProfile", new ProfileConfirmPage(file, [.. changes.Select(c => (c.Key, current.GetValueOrDefault(c.Key)?.Value, c.Value))]));
    }

    [HttpGet("{applicationId:int}/sections/{section}")]
    public async Task<IActionResult> Section(int businessId, int applicationId, string section) =>
        await store.LoadAsync(businessId, applicationId) is { } file && file.Form.Sections.FirstOrDefault(s => s.Key == section) is { } found
            ? View(new SectionPage(file, found))
            : NotFound();

    /// <summary>
    /// Saves a section: valid answers are stored, invalid ones come back beside their field with what was typed;
    /// files are checked and stored at once. "next" moves on when all is well; "stay" (upload) and a removal keep the
    /// applicant here; "later" saves and returns to the application; "autosave" answers 204, or 422 when something typed
    /// was refused. Whatever the button, an answer typed wrongly is never dropped unseen: it comes back beside its field.
    /// </summary>
    [HttpPost("{applicationId:int}/sections/{section}")]
    [RequestSizeLimit(AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentInspector.MaxBytesPerApplication + 1024 * 1024)]
    [Errors.UploadLimits(AttachmentInspector.MaxBytes, AttachmentInspector.MaxBytesPerApplication)]
    public async Task<IActionResult> Section(int businessId, int applicationId, string section, string? intent, int? remove)
    {
        if (await EditableAsync(businessId, applicationId, tracked: true) is not { } file || file.Form.Sections.FirstOrDefault(s => s.Key == section) is not { } found)
        {
            return NotFound();
        }

        var valid = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in found.Fields)
        {
            var name = $"Answers.{field.Key}";
            if (field.Kind == FieldKind.File)
            {
                foreach (var (fileName, problem) in await store.AttachAllAsync(file.Application, field.Key, Request.Form.Files.GetFiles($"Files.{field.Key}"), UserId))
                {
                    ModelState.AddModelError($"Files.{field.Key}", ApplicationStore.ProblemText(t, fileName, problem));
                }

                continue;
            }

            var typed = Request.Form[name];
            var result = FieldInput.Check(field, [.. typed]);
            if (result.IsValid)
            {
                valid[field.Key] = result.Value;
            }
            else if (intent == "next" || typed.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                // Next needs every answer; every other button (later, upload, remove a file) and the autosave refuse
                // only what was typed wrongly, and say so: an answer not stored is never lost unseen.
                ModelState.AddModelError(name, AnswerMessage.Of(field, result, t));
            }

            ModelState.SetModelValue(name, typed, typed.ToString());
        }

        if (remove is { } attachmentId)
        {
            store.Detach(file.Application, attachmentId);
        }

        store.SetAnswers(file.Application, valid);
        await store.SaveAsync();
        if (intent == "autosave")
        {
            return ModelState.ErrorCount == 0 ? NoContent() : UnprocessableEntity();
        }

        if (intent == "later" && ModelState.ErrorCount == 0)
        {
            return Redirect(file.Path());
        }

        var missingFile = found.Fields.FirstOrDefault(f => f.Kind == FieldKind.File && f.Required && !file.FilesFor(f.Key).Any());
        if (intent == "next" && missingFile is not null && !ModelState.ContainsKey($"Files.{missingFile.Key}"))
        {
            // Named as the check page names it: 「「事業計画書（PDF等）」のファイルを添付してください」.
            ModelState.AddModelError($"Files.{missingFile.Key}", t["Apply.Blocker.FileMissing", Infrastructure.Localization.Display.Text(missingFile.LabelJa, missingFile.LabelEn)]);
        }

        return intent == "next" && ModelState.ErrorCount == 0 ? Redirect(file.NextAfter(section)) : View(new SectionPage(file, found));
    }

    [HttpGet("{applicationId:int}/attachments/{attachmentId:int}")]
    [FileDownload]
    public async Task<IActionResult> Attachment(int businessId, int applicationId, int attachmentId)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file
            || file.Application.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment
            || await store.ContentAsync(file, attachmentId) is not { } bytes)
        {
            return NotFound();
        }

        return File(bytes, attachment.ContentType, attachment.FileName);
    }

    [HttpGet("{applicationId:int}/" + ApplicationFile.ExpensesStep)]
    public async Task<IActionResult> Expenses(int businessId, int applicationId)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        var form = ExpensesForm.From(file.Application);
        AddBlankLines(form);
        return View(new ExpensesPage(file, form, ExplainedToday(file, form)));
    }

    [HttpPost("{applicationId:int}/" + ApplicationFile.ExpensesStep)]
    public async Task<IActionResult> Expenses(int businessId, int applicationId, ExpensesForm form, string? intent, [FromServices] IValidator<ExpensesForm> validator)
    {
        if (await EditableAsync(businessId, applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        if (intent == "add")
        {
            ModelState.Clear();
            form.Lines.AddRange(Enumerable.Range(0, 3).Select(_ => new ExpenseLineForm()));
            return View(new ExpensesPage(file, form, ExplainedToday(file, form)));
        }

        // Saved only when all of it is valid; otherwise it comes back with the messages and everything typed.
        form.Terms = file.Measure.Terms;
        (form.EarliestStart, form.Today) = (Readiness.EarliestStart(file), JapanTime.DateOf(clock.GetUtcNow().UtcDateTime));
        var valid = await validator.ValidateIntoAsync(form, ModelState);
        if (valid)
        {
            store.SetExpenses(file.Application, ExpensesForm.Date(form.ProjectStart), ExpensesForm.Date(form.ProjectEnd), ExpensesForm.Yen(form.RequestedYen), form.ToLines());
            store.SetTerms(file.Application, form.ChosenTrack, form.ChosenTopUps);
            await store.SaveAsync();
        }

        if (intent == "autosave")
        {
            return valid ? NoContent() : UnprocessableEntity();
        }

        if (valid)
        {
            return Redirect(intent == "later" ? file.Path() : file.NextAfter(ApplicationFile.ExpensesStep));
        }

        AddBlankLines(form);
        return View(new ExpensesPage(file, form, ExplainedToday(file, form)));
    }

    [HttpGet("{applicationId:int}/" + ApplicationFile.CheckStep)]
    public async Task<IActionResult> Check(int businessId, int applicationId, [FromServices] IntegrityInspector inspector)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file)
        {
            return NotFound();
        }

        // Checked before submitting, so that an honest mistake in the applicant's own data is corrected first. The
        // business's facts are read once for the eligibility verdict and the checks.
        var known = await KnownAsync(file);
        var own = (await inspector.InspectAsync(applicationId, known)).Where(f => !f.InvolvesOtherBusiness);
        return View(await CheckPageAsync(file, known) with { Warnings = WarningGroup.Of(own, f => FlagText.Explain(t, f)) });
    }

    /// <summary>
    /// Submits from the check page. Refused, with the page shown again, when anything blocks it or the person may not
    /// submit; the same key posted again (a double click, a retry) leads to the same receipt.
    /// </summary>
    [HttpPost("{applicationId:int}/submit")]
    public async Task<IActionResult> Submit(
        int businessId, int applicationId, string? idempotencyKey, int version, [FromServices] SubmitApplicationHandler submit)
    {
        if (await store.LoadAsync(businessId, applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > SubmitApplication.MaxKeyLength)
        {
            return BadRequest();
        }

        var made = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.IdempotencyKey == idempotencyKey && s.ApplicationId == applicationId);
        if (made is not null)
        {
            return Redirect(file.Path($"receipts/{made.Round}"));
        }

        var page = await CheckPageAsync(file);
        if (!file.IsEditable || page.Blockers.Count > 0 || !page.MaySubmit)
        {
            ModelState.AddModelError("", t[!file.IsEditable ? "Apply.NotEditable" : page.MaySubmit ? "Apply.Blocked" : "Apply.MayNotSubmit"]);
            return View(nameof(Check), page);
        }

        var outcome = await submit.HandleAsync(new(file, version, idempotencyKey, UserId, page.Eligibility, page.Profile));
        if (!outcome.IsDone)
        {
            ModelState.AddModelError("", t["Apply.SubmitConflict"]);
            return View(nameof(Check), await CheckPageAsync((await store.LoadAsync(businessId, applicationId))!));
        }

        return Redirect(file.Path($"receipts/{outcome.Value!.Round}"));
    }

    /// <summary>Withdraws the application before a decision (the Owner, or a Member with the submit right).</summary>
    [HttpPost("{applicationId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int businessId, int applicationId, int version, string? reason, [FromServices] ApplicationMoves moves)
    {
        if (await store.LoadAsync(businessId, applicationId, tracked: true) is not { } file)
        {
            return NotFound();
        }

        if (!HttpContext.Membership().MaySubmitFor(file.Business))
        {
            return Forbid();
        }

        var outcome = await moves.MoveAsync(file, version, ApplicationStatus.Withdrawn, UserId, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), byStaff: false);
        TempData["Notice"] = t[outcome == MoveOutcome.Done ? "Apply.Withdrawn" : "Apply.WithdrawRefused"].Value;
        return Redirect(file.Path());
    }

    /// <summary>The receipt of one submission, its hash recomputed from the frozen content to show it is unchanged.</summary>
    [HttpGet("{applicationId:int}/receipts/{round:int}")]
    public async Task<IActionResult> Receipt(int businessId, int applicationId, int round)
    {
        if (await store.LoadAsync(businessId, applicationId) is not { } file
            || await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == applicationId && s.Round == round) is not { } submission)
        {
            return NotFound();
        }

        var recomputed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(submission.Content)));
        return View(new ReceiptPage(file, submission, recomputed == submission.ContentSha256, SubmittedContent.Parse(submission.Content)));
    }

    private async Task<ApplicantFacts> KnownAsync(ApplicationFile file) =>
        await facts.ForBusinessAsync(file.Application.BusinessId) ?? throw new InvalidOperationException("The application's business exists.");

    private async Task<CheckPage> CheckPageAsync(ApplicationFile file, ApplicantFacts? known = null)
    {
        var profile = await prefill.ValuesAsync(file.Business);
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = TermsToday(file);
        var checks = Readiness.Checks(file, terms.Outcome, now);
        var blockers = Readiness.Of(file, profile, checks);
        if (Readiness.Overdue(file, now) is { } overdue)
        {
            blockers = [.. blockers, overdue];
        }

        if (Readiness.PeriodProblem(file, now) is { } period)
        {
            blockers = [.. blockers, period];
        }

        // The engine's verdict on the measure's rules: a hard rule not met blocks with its reason; the rest is shown.
        known ??= await KnownAsync(file);
        var measure = file.Measure;
        var verdict = engine.Judge(known, measure.Rules, JapanTime.DateOf(now), measure.Id);
        if (verdict.Blocking is { } blocking)
        {
            blockers = [.. blockers, new Blocker(ApplicationFile.ProfileStep, "Apply.Blocker.NotEligible", reasons.Of(blocking.Reason))];
        }

        var maySubmit = HttpContext.Membership().MaySubmitFor(file.Business);
        return new CheckPage(
            file, profile, checks, blockers, maySubmit, Guid.NewGuid().ToString("N"), EligibilitySnapshot.Of(verdict, reasons, engine.Classify(known).Class), terms, JapanTime.DateOf(now));
    }

    /// <summary>The expenses page's terms: the draft's, today, on the eligible cost of the lines shown (typed or saved).</summary>
    private AppliedTermsModel ExplainedToday(ApplicationFile file, ExpensesForm form) =>
        new(TermsToday(file), Domain.Yen.Sum(form.Lines.Select(l => ExpensesForm.Yen(l.AmountYen) is long yen && Domain.Yen.IsAmount(yen) ? yen : 0)), JapanTime.DateOf(clock.GetUtcNow().UtcDateTime));

    /// <summary>A draft's terms: the business's size class and head count today (the application date, were it submitted now).</summary>
    private SubmittedTerms TermsToday(ApplicationFile file) => file.TermsFor(engine.Classify(file.Business.Facts).Class, file.Business.RegularEmployees);

    private async Task<ApplicationFile?> EditableAsync(int businessId, int applicationId, bool tracked = false) =>
        await store.LoadAsync(businessId, applicationId, tracked) is { IsEditable: true } file ? file : null;

    private static void AddBlankLines(ExpensesForm form) =>
        form.Lines.AddRange(Enumerable.Range(0, Math.Max(ExpensesForm.BlankLines, 3 - form.Lines.Count)).Select(_ => new ExpenseLineForm()));
}
