using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Data.Applications;

/// <summary>
/// One version of a measure's application form (<see cref="FormDefinition"/> as JSON). Never changed once saved:
/// editing a form adds the next version, and each application keeps the version it started with.
/// </summary>
public class ApplicationForm
{
    public int Id { get; set; }
    public int MeasureId { get; set; }
    public int Version { get; set; }
    public string Definition { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByUserId { get; set; }

    /// <summary>The definition, parsed once per process for each text.</summary>
    public FormDefinition Read() => Parsed.GetOrAdd(Definition, static (definition, id) => FormDefinition.Parse(definition, out var error)
        ?? throw new InvalidOperationException($"Application form {id} is not a form definition: {error}"), Id);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FormDefinition> Parsed = new(StringComparer.Ordinal);
}

/// <summary>
/// A business's application (申請) under one measure, from draft to decision (DOMAIN.md §1). The answers, expense
/// lines and attachments are rows of their own; each submission's content is frozen in a <see cref="Submission"/>.
/// <para>
/// It guards its lifecycle itself: its status, and what only a move may change (when, whether it was ever returned, when
/// it was decided, its number and rounds), have private setters. They change only through <see cref="Submit"/> and
/// <see cref="Move"/>, which consult <see cref="ApplicationLifecycle"/> and refuse an illegal move
/// (<see cref="ApplicationMoveRefusedException"/>), record the transition (who, when, from what to what, why) and raise
/// <see cref="ApplicationMoved"/>, which the save writes to the outbox in its own transaction (<see cref="IRaisesDomainEvents"/>).
/// </para>
/// </summary>
public class Application : IVersioned, IRaisesDomainEvents
{
    private readonly List<ApplicationTransition> _transitions = [];
    private readonly List<IDomainEvent> _events = [];

    /// <summary>For EF Core; a new application is a draft: <see cref="StartDraft"/>.</summary>
    private Application()
    {
    }

    public int Id { get; set; }
    public int BusinessId { get; set; }
    public int MeasureId { get; set; }
    public int FormId { get; set; }
    public ApplicationStatus Status { get; private set; }

    /// <summary>Allocated at the first submission, e.g. <c>2026-MONO-000123</c>; kept through resubmissions.</summary>
    public string? Number { get; private set; }

    public DateOnly? ProjectStart { get; set; }
    public DateOnly? ProjectEnd { get; set; }
    public long? RequestedYen { get; set; }

    /// <summary>The track (枠) of the measure's terms the applicant chose, by its key; null where the terms have none.</summary>
    public string? Track { get; set; }

    /// <summary>The top-ups (特例) the applicant chose and committed to, by their keys, comma-separated.</summary>
    public string TopUps { get; set; } = "";

    /// <summary>The chosen top-ups' keys.</summary>
    public IReadOnlyList<string> TopUpKeys => TopUps.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many times it has been submitted (the next submission is round <c>Rounds + 1</c>).</summary>
    public int Rounds { get; private set; }

    /// <summary>App-managed concurrency token: every change raises it, a change from an older version is refused.</summary>
    public int Version { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The reviewer it is assigned to, if any.</summary>
    public string? AssigneeUserId { get; set; }

    /// <summary>When returned for correction: the instant by which the corrected application must be resubmitted.</summary>
    public DateTime? CorrectionDueAtUtc { get; set; }

    /// <summary>The amount of the grant decision (交付決定額), whole yen.</summary>
    public long? GrantedYen { get; set; }

    /// <summary>When it was selected or not (採択・不採択): the end of the review the dashboard times; the grant decision comes later.</summary>
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The business's size class as the engine judged it at the last submission (the dashboard counts by it).</summary>
    public Domain.Businesses.SmeClass? SizeClass { get; private set; }

    /// <summary>The business's prefecture (JIS code) at the last submission, as the dashboard counts it.</summary>
    public string? PrefectureCode { get; private set; }

    /// <summary>The business's industry (JSIC major letter) at the last submission, as the dashboard counts it.</summary>
    public string? IndustryMajor { get; private set; }

    /// <summary>Whether it has ever been returned for correction (the dashboard's return rate).</summary>
    public bool WasReturned { get; private set; }

    /// <summary>
    /// The <see cref="ChangeCounter"/> value of the save that last changed it past the draft stage: the dashboard
    /// reads the applications changed since the value it last saw (<see cref="SmeDbContext"/> stamps it).
    /// </summary>
    public long ChangeSeq { get; set; }

    public List<ApplicationAnswer> Answers { get; set; } = [];
    public List<ExpenseLine> Expenses { get; set; } = [];
    public List<ApplicationAttachment> Attachments { get; set; } = [];

    /// <summary>Its moves as this instance made them (and those EF Core put here when read with it): added only by the moves.</summary>
    public IReadOnlyList<ApplicationTransition> Transitions => _transitions;

    public List<CorrectionRequest> Corrections { get; set; } = [];

    /// <summary>The performance report's actual expense lines (実績報告), once the grant is decided.</summary>
    public List<ReportLine> ReportLines { get; set; } = [];

    /// <summary>When the performance report was last submitted.</summary>
    public DateTime? ReportSubmittedAtUtc { get; set; }

    /// <summary>The amount payable as the reviewer confirmed it (額の確定), whole yen.</summary>
    public long? PayableYen { get; set; }

    /// <summary>The day the payment was made, and its reference (the transfer's), once recorded.</summary>
    public DateOnly? PaidOn { get; set; }

    public string? PaymentReference { get; set; }

    /// <summary>A new draft of a business under a measure's form, begun by <paramref name="byUserId"/>: its first transition (to a draft) recorded.</summary>
    public static Application StartDraft(int businessId, int measureId, int formId, string byUserId, DateTime nowUtc)
    {
        var draft = new Application
        {
            BusinessId = businessId,
            MeasureId = measureId,
            FormId = formId,
            Status = ApplicationStatus.Draft,
            CreatedByUserId = byUserId,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            StatusChangedAtUtc = nowUtc,
        };
        draft._transitions.Add(new ApplicationTransition { To = ApplicationStatus.Draft, AtUtc = nowUtc, ByUserId = byUserId });
        return draft;
    }

    /// <summary>Whether <see cref="Move"/> to <paramref name="to"/> is open now (a submission is not a move: <see cref="MaySubmit"/>).</summary>
    public bool MayMoveTo(ApplicationStatus to) => ApplicationLifecycle.CanMove(Status, to) && ApplicationLifecycle.SubmissionFrom(Status) != to;

    /// <summary>Whether it may be submitted now: a draft, or returned for correction.</summary>
    public bool MaySubmit => ApplicationLifecycle.SubmissionFrom(Status) is not null;

    /// <summary>
    /// Moves it on after submission (review, return, selection, the grant decision, the report's stages, payment,
    /// withdrawal), as the lifecycle allows, recording who, when and why. Selection and non-selection are the decision
    /// the dashboard times (<see cref="DecidedAtUtc"/>).
    /// </summary>
    /// <exception cref="ApplicationMoveRefusedException">The lifecycle does not allow it from here, or it is a submission.</exception>
    public void Move(ApplicationStatus to, string byUserId, string? reason, DateTime nowUtc)
    {
        if (!MayMoveTo(to))
        {
            throw new ApplicationMoveRefusedException(Id, Status, to);
        }

        Record(to, byUserId, reason, nowUtc);
        if (to is ApplicationStatus.Selected or ApplicationStatus.NotSelected)
        {
            DecidedAtUtc = nowUtc;
        }
    }

    /// <summary>
    /// Submits it (the first time from a draft, again after a return) under <paramref name="number"/> (the one it already
    /// has, when resubmitted): one more round, the submission's instant, and where the business stood then.
    /// </summary>
    /// <exception cref="ApplicationMoveRefusedException">It is neither a draft nor returned for correction.</exception>
    public void Submit(string number, string byUserId, DateTime nowUtc, SubmittedAs business)
    {
        ArgumentNullException.ThrowIfNull(business);
        var to = ApplicationLifecycle.SubmissionFrom(Status) ?? throw new ApplicationMoveRefusedException(Id, Status, ApplicationStatus.Submitted);
        if (Number is not null && Number != number)
        {
            throw new InvalidOperationException($"Application {Id} keeps its number {Number} through resubmissions.");
        }

        Number = number;
        Rounds++;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        SizeClass = business.SizeClass ?? SizeClass;
        PrefectureCode = business.PrefectureCode;
        IndustryMajor = business.IndustryMajor;
        Record(to, byUserId, null, nowUtc);
    }

    /// <inheritdoc/>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        IReadOnlyList<IDomainEvent> taken = [.. _events];
        _events.Clear();
        return taken;
    }

    /// <summary>
    /// An application as the generator makes it (Data/Generation): its status and what follows from it worked out from
    /// a made-up <paramref name="history"/>, each step of which must be a move the lifecycle allows. Nothing is recorded
    /// and no event raised: the generator writes the history itself, in bulk, and generated rows are nobody's live change.
    /// </summary>
    internal static Application Generated(
        int businessId, int measureId, int formId, string byUserId, IReadOnlyList<ApplicationTransition> history, string? number, SubmittedAs? business)
    {
        if (history is not [{ From: null, To: ApplicationStatus.Draft }, ..]
            || history.Skip(1).Any(t => t.From is not { } from || !ApplicationLifecycle.CanMove(from, t.To))
            || history.Zip(history.Skip(1)).Any(pair => pair.First.To != pair.Second.From))
        {
            throw new ArgumentException("A generated history starts as a draft and takes only moves the lifecycle allows.", nameof(history));
        }

        var submissions = history.Where(t => t.To is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted).ToList();
        return new Application
        {
            BusinessId = businessId,
            MeasureId = measureId,
            FormId = formId,
            CreatedByUserId = byUserId,
            CreatedAtUtc = history[0].AtUtc,
            Status = history[^1].To,
            StatusChangedAtUtc = history[^1].AtUtc,
            UpdatedAtUtc = history[^1].AtUtc,
            Number = submissions.Count > 0 ? number : null,
            Rounds = submissions.Count,
            SubmittedAtUtc = submissions.LastOrDefault()?.AtUtc,
            DecidedAtUtc = history.FirstOrDefault(t => t.To is ApplicationStatus.Selected or ApplicationStatus.NotSelected)?.AtUtc,
            WasReturned = history.Any(t => t.To == ApplicationStatus.ReturnedForCorrection),
            SizeClass = submissions.Count > 0 ? business?.SizeClass : null,
            PrefectureCode = submissions.Count > 0 ? business?.PrefectureCode : null,
            IndustryMajor = submissions.Count > 0 ? business?.IndustryMajor : null,
        };
    }

    private void Record(ApplicationStatus to, string byUserId, string? reason, DateTime nowUtc)
    {
        var from = Status;
        Status = to;
        StatusChangedAtUtc = nowUtc;
        WasReturned |= to == ApplicationStatus.ReturnedForCorrection;
        _transitions.Add(new ApplicationTransition { ApplicationId = Id, From = from, To = to, AtUtc = nowUtc, ByUserId = byUserId, Reason = reason });
        _events.Add(new ApplicationMoved(Id, from, to, nowUtc));
    }
}

/// <summary>Where the business stood when it submitted: what the dashboard counts the application under.</summary>
/// <param name="SizeClass">The size class the engine gave it (null keeps the one recorded before).</param>
/// <param name="PrefectureCode">Its prefecture (JIS code), if known.</param>
/// <param name="IndustryMajor">Its industry (JSIC major letter), if known.</param>
public sealed record SubmittedAs(Domain.Businesses.SmeClass? SizeClass, string? PrefectureCode, string? IndustryMajor);

/// <summary>An application moved on its lifecycle, a submission included: open dashboards read their numbers again.</summary>
public sealed record ApplicationMoved(int ApplicationId, ApplicationStatus? From, ApplicationStatus To, DateTime AtUtc) : IDomainEvent
{
    /// <summary>The event's name in the outbox.</summary>
    public const string EventName = "ApplicationMoved";

    public string Name => EventName;

    public IReadOnlyList<string> Arguments =>
        [ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), From?.ToString() ?? "", To.ToString()];
}

/// <summary>A move the lifecycle does not allow (<see cref="ApplicationLifecycle"/>): the application refuses it, and nothing changes.</summary>
public sealed class ApplicationMoveRefusedException(int applicationId, ApplicationStatus from, ApplicationStatus to)
    : InvalidOperationException($"Application {applicationId} cannot move from {from} to {to}.")
{
    public ApplicationStatus From { get; } = from;

    public ApplicationStatus To { get; } = to;
}

/// <summary>An actual expense line of the performance report: what was bought, from whom, on which invoice, for how much.</summary>
public class ReportLine
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Position { get; set; }
    public string Category { get; set; } = "";
    public string Vendor { get; set; } = "";

    /// <summary>The vendor's qualified-invoice registration number, <c>T</c> and 13 digits.</summary>
    public string? InvoiceRegistrationNumber { get; set; }

    public string InvoiceNumber { get; set; } = "";
    public DateOnly InvoiceDate { get; set; }
    public long AmountYen { get; set; }

    /// <summary>The invoice the line names, normalized (<see cref="ClaimLine.KeyOf"/>): stored and indexed for the integrity checks, always worked out from the two numbers (what is read back is not kept).</summary>
    public string? InvoiceKey
    {
        get => ClaimLine.KeyOf(InvoiceRegistrationNumber, InvoiceNumber);
        private set { }
    }
}

/// <summary>One thing a reviewer asks to be corrected when returning an application: the field (or step) and why.</summary>
public class CorrectionRequest
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }

    /// <summary>The submission round that was returned: the requests of earlier rounds stay as history.</summary>
    public int Round { get; set; }

    /// <summary>A field key of the form, or a standard item: <c>profile</c>, <c>projectPeriod</c>, <c>expenses</c>, <c>requestedYen</c>.</summary>
    public string FieldKey { get; set; } = "";

    public string Reason { get; set; } = "";
}

public class ApplicationAnswer
{
    public int ApplicationId { get; set; }
    public string FieldKey { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A planned expense line (経費明細): what is bought, from whom, against which quote, for how much.</summary>
public class ExpenseLine
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Position { get; set; }
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public string Vendor { get; set; } = "";

    /// <summary>The vendor's qualified-invoice registration number, <c>T</c> and 13 digits.</summary>
    public string? InvoiceRegistrationNumber { get; set; }

    public string? QuoteNumber { get; set; }
    public long AmountYen { get; set; }

    /// <summary>The invoice the line names, normalized (<see cref="ClaimLine.KeyOf"/>): stored and indexed for the integrity checks, always worked out from the two numbers (what is read back is not kept).</summary>
    public string? InvoiceKey
    {
        get => ClaimLine.KeyOf(InvoiceRegistrationNumber, QuoteNumber);
        private set { }
    }
}

/// <summary>An attached file, checked by extension and content before it was stored; its bytes are in <see cref="AttachmentBlob"/>.</summary>
public class ApplicationAttachment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string FieldKey { get; set; } = "";

    /// <summary>
    /// The name as sent, without control characters and normalised (<see cref="Domain.Applications.FileNames"/>): kept so,
    /// and shown so even when it was stored before names were cleaned (the database's value is read through the field).
    /// </summary>
    public string FileName
    {
        get => Domain.Applications.FileNames.Clean(_fileName);
        set => _fileName = Domain.Applications.FileNames.Clean(value);
    }

    private string _fileName = "";

    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }
    public string UploadedByUserId { get; set; } = "";

    /// <summary>The bytes, loaded only when asked for.</summary>
    public AttachmentBlob? Content { get; set; }
}

public class AttachmentBlob
{
    public int AttachmentId { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>
/// One submission of an application (the first, or a resubmission after correction): its receipt. The content
/// is frozen here in its canonical form (answers, expenses, attachments' hashes and the profile snapshot), with
/// its SHA-256. The idempotency key, and the application with its round, are unique: a double click, a retry or a
/// resent form can only ever make one.
/// </summary>
public class Submission
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int Round { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public string ApplicationNumber { get; set; } = "";
    public DateTime SubmittedAtUtc { get; set; }
    public string SubmittedByUserId { get; set; } = "";
    public string Content { get; set; } = "";
    public string ContentSha256 { get; set; } = "";

    /// <summary>The eligibility verdict with its reasons as the applicant saw it (JSON, both languages); null before issue 6.</summary>
    public string? Eligibility { get; set; }
}

/// <summary>One move in the lifecycle: who, when, from what to what, and why.</summary>
public class ApplicationTransition
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public ApplicationStatus? From { get; set; }
    public ApplicationStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public string ByUserId { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>The last number given out for a year and form code (<c>2026-MONO</c>), raised in the submitting transaction.</summary>
/// <summary>
/// A counter raised by one, atomically, in the same transaction as the changes it counts: the row stays locked until
/// commit, so the values are handed out in commit order and a reader that sees value N has seen every change up to N.
/// </summary>
public class ChangeCounter
{
    /// <summary>The submitted applications' counter (the only one so far).</summary>
    public const string Applications = "applications";

    public string Name { get; set; } = "";
    public long Value { get; set; }
}

public class ApplicationNumberCounter
{
    public string Prefix { get; set; } = "";
    public int Last { get; set; }
}

/// <summary>
/// What someone typed into an application step when their session had expired, held for an hour until they sign in
/// again (FormRescue). It may hold personal data, so it is deleted as soon as it is shown or has expired.
/// </summary>
public class RescuedForm
{
    public string Id { get; set; } = "";
    public string Path { get; set; } = "";
    public string Fields { get; set; } = "";
    public string BrowserKeyHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}
