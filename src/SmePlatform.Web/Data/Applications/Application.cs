using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Integrity;

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
/// </summary>
public class Application : IVersioned
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public int MeasureId { get; set; }
    public int FormId { get; set; }
    public ApplicationStatus Status { get; set; }

    /// <summary>Allocated at the first submission, e.g. <c>2026-MONO-000123</c>; kept through resubmissions.</summary>
    public string? Number { get; set; }

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
    public int Rounds { get; set; }

    /// <summary>App-managed concurrency token: every change raises it, a change from an older version is refused.</summary>
    public int Version { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The reviewer it is assigned to, if any.</summary>
    public string? AssigneeUserId { get; set; }

    /// <summary>When returned for correction: the instant by which the corrected application must be resubmitted.</summary>
    public DateTime? CorrectionDueAtUtc { get; set; }

    /// <summary>The amount of the grant decision (交付決定額), whole yen.</summary>
    public long? GrantedYen { get; set; }

    /// <summary>When it was selected or not (採択・不採択): the end of the review the dashboard times; the grant decision comes later.</summary>
    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The business's size class as the engine judged it at the last submission (the dashboard counts by it).</summary>
    public Domain.Businesses.SmeClass? SizeClass { get; set; }

    /// <summary>The business's prefecture (JIS code) at the last submission, as the dashboard counts it.</summary>
    public string? PrefectureCode { get; set; }

    /// <summary>The business's industry (JSIC major letter) at the last submission, as the dashboard counts it.</summary>
    public string? IndustryMajor { get; set; }

    /// <summary>Whether it has ever been returned for correction (the dashboard's return rate).</summary>
    public bool WasReturned { get; set; }

    /// <summary>
    /// The <see cref="ChangeCounter"/> value of the save that last changed it past the draft stage: the dashboard
    /// reads the applications changed since the value it last saw (<see cref="SmeDbContext"/> stamps it).
    /// </summary>
    public long ChangeSeq { get; set; }

    public List<ApplicationAnswer> Answers { get; set; } = [];
    public List<ExpenseLine> Expenses { get; set; } = [];
    public List<ApplicationAttachment> Attachments { get; set; } = [];
    public List<ApplicationTransition> Transitions { get; set; } = [];
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
