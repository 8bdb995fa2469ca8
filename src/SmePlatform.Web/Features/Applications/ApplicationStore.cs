using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Applications;

/// <summary>Finds, starts and changes a business's applications; every read is scoped to the business.</summary>
public sealed class ApplicationStore(SmeDbContext db, TimeProvider clock)
{
    /// <summary>The application, only if it belongs to the business (another business's id finds nothing, so 404).</summary>
    public Task<ApplicationFile?> LoadAsync(int businessId, int applicationId, bool tracked = false, CancellationToken cancellationToken = default) =>
        LoadWhereAsync(a => a.Id == applicationId && a.BusinessId == businessId, tracked, cancellationToken);

    /// <summary>Any business's application: for staff only (the review workspace), never for a business's routes.</summary>
    public Task<ApplicationFile?> LoadForStaffAsync(int applicationId, bool tracked = false, CancellationToken cancellationToken = default) =>
        LoadWhereAsync(a => a.Id == applicationId, tracked, cancellationToken);

    private async Task<ApplicationFile?> LoadWhereAsync(System.Linq.Expressions.Expression<Func<Application, bool>> which, bool tracked, CancellationToken cancellationToken)
    {
        IQueryable<T> Rows<T>(DbSet<T> set)
            where T : class => tracked ? set : set.AsNoTracking();

        var application = await Rows(db.Applications)
            .Include(a => a.Answers).Include(a => a.Expenses.OrderBy(e => e.Position)).Include(a => a.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(which, cancellationToken);
        if (application is null)
        {
            return null;
        }

        // Corrections come only after a submission, the performance report only after the grant: not read before.
        // A tracked read puts them in the application's lists itself; an untracked one is put there here.
        if (application.Rounds > 0)
        {
            var corrections = await Rows(db.CorrectionRequests).Where(c => c.ApplicationId == application.Id).ToListAsync(cancellationToken);
            if (!tracked)
            {
                application.Corrections = corrections;
            }
        }

        if (ApplicationLifecycle.IsGranted(application.Status))
        {
            var lines = await Rows(db.ReportLines).Where(l => l.ApplicationId == application.Id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
            if (!tracked)
            {
                application.ReportLines = lines;
            }
        }

        // Its form, measure and business in one read, each by its key.
        var (formId, measureId, businessId) = (application.FormId, application.MeasureId, application.BusinessId);
        var parts = await (
                from form in db.ApplicationForms
                from measure in db.SupportMeasures
                from business in db.Businesses
                where form.Id == formId && measure.Id == measureId && business.Id == businessId
                select new { form, measure, business })
            .AsNoTracking().FirstAsync(cancellationToken);
        return new ApplicationFile(application, parts.measure, parts.form, parts.form.Read(), parts.business);
    }

    /// <summary>The form a new application of the measure gets: its latest version; null when it takes no applications here.</summary>
    public Task<ApplicationForm?> CurrentFormAsync(int measureId, CancellationToken cancellationToken = default) =>
        db.ApplicationForms.AsNoTracking().Where(f => f.MeasureId == measureId).OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The business's draft for the measure if it has one (one draft each), or a new draft on the current form.</summary>
    public async Task<Application> StartAsync(int businessId, SupportMeasure measure, ApplicationForm form, string userId, CancellationToken cancellationToken = default)
    {
        var draft = await db.Applications.FirstOrDefaultAsync(
            a => a.BusinessId == businessId && a.MeasureId == measure.Id && a.Status == ApplicationStatus.Draft, cancellationToken);
        if (draft is not null)
        {
            return draft;
        }

        draft = Application.StartDraft(businessId, measure.Id, form.Id, userId, clock.GetUtcNow().UtcDateTime);
        db.Applications.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Stores the valid answers of a section (a cleared answer is removed); invalid ones stay on the page with their message.</summary>
    public void SetAnswers(Application application, IReadOnlyDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            var answer = application.Answers.FirstOrDefault(a => a.FieldKey == key);
            if (value is null)
            {
                if (answer is not null)
                {
                    application.Answers.Remove(answer);
                }
            }
            else if (answer is null)
            {
                application.Answers.Add(new ApplicationAnswer { FieldKey = key, Value = value });
            }
            else
            {
                answer.Value = value;
            }
        }

        Touch(application);
    }

    public void SetExpenses(Application application, DateOnly? start, DateOnly? end, long? requestedYen, IReadOnlyList<ExpenseLine> lines)
    {
        application.ProjectStart = start;
        application.ProjectEnd = end;
        application.RequestedYen = requestedYen;
        // Replaced as a whole: positions are unique, so the old rows go before the new ones come.
        db.ExpenseLines.RemoveRange(application.Expenses);
        application.Expenses.Clear();
        application.Expenses.AddRange(lines.Select((line, index) => { line.Position = index + 1; return line; }));
        Touch(application);
    }

    /// <summary>The content of an application's latest submission, or null before its first.</summary>
    public async Task<SubmittedContent?> LatestSubmittedAsync(int applicationId, CancellationToken cancellationToken = default) =>
        await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == applicationId).OrderByDescending(s => s.Round)
            .Select(s => s.Content).FirstOrDefaultAsync(cancellationToken) is { } content ? SubmittedContent.Parse(content) : null;

    /// <summary>The track and top-ups the applicant chose under the measure's terms.</summary>
    public void SetTerms(Application application, string? track, IReadOnlyList<string> topUps)
    {
        application.Track = track;
        application.TopUps = string.Join(',', topUps);
        Touch(application);
    }

    /// <summary>The performance report's actual lines, replaced as a whole (old rows go before the new ones come).</summary>
    public void SetReport(Application application, IReadOnlyList<ReportLine> lines)
    {
        db.ReportLines.RemoveRange(application.ReportLines);
        application.ReportLines.Clear();
        application.ReportLines.AddRange(lines);
        Touch(application);
    }

    /// <summary>
    /// Stores an upload after <see cref="AttachmentInspector"/> accepted it (a package inflated for real), a PDF has no
    /// active content (<see cref="PdfInspector"/>) and the application's total stays within 50 MB, under its name without
    /// control characters (<see cref="FileNames"/>); the hash is taken of the bytes stored. The problem otherwise, and
    /// nothing stored.
    /// </summary>
    public AttachmentProblem Attach(Application application, string fieldKey, string fileName, byte[] bytes, string userId)
    {
        fileName = FileNames.Clean(fileName);
        var verdict = AttachmentInspector.Inspect(fileName, bytes);
        if (verdict.Problem != AttachmentProblem.None)
        {
            return verdict.Problem;
        }

        if (verdict.Kind == AttachmentKind.Pdf && PdfInspector.Inspect(bytes) is not AttachmentProblem.None and var pdfProblem)
        {
            return pdfProblem;
        }

        if (application.Attachments.Sum(a => a.SizeBytes) + bytes.Length > AttachmentInspector.MaxBytesPerApplication)
        {
            return AttachmentProblem.TooLarge;
        }

        var attachment = new ApplicationAttachment
        {
            FieldKey = fieldKey,
            FileName = fileName,
            ContentType = verdict.ContentType,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
            UploadedByUserId = userId,
            Content = new AttachmentBlob { Bytes = bytes },
        };
        application.Attachments.Add(attachment);
        Touch(application);
        return AttachmentProblem.None;
    }

    /// <summary>Stores each upload of a form field (<see cref="Attach"/>, empty file inputs skipped); the ones refused, with why.</summary>
    public async Task<IReadOnlyList<(string FileName, AttachmentProblem Problem)>> AttachAllAsync(
        Application application, string fieldKey, IEnumerable<IFormFile> uploads, string userId)
    {
        var refused = new List<(string, AttachmentProblem)>();
        foreach (var upload in uploads.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            var problem = Attach(application, fieldKey, upload.FileName, buffer.ToArray(), userId);
            if (problem != AttachmentProblem.None)
            {
                refused.Add((FileNames.Clean(upload.FileName), problem));
            }
        }

        return refused;
    }

    /// <summary>Why a file was refused, in words, with the limits.</summary>
    public static string ProblemText(IStringLocalizer t, string fileName, AttachmentProblem problem) =>
        t[$"Attachment.Problem.{problem}", fileName, AttachmentInspector.MaxBytes / 1024 / 1024, AttachmentInspector.MaxBytesPerApplication / 1024 / 1024];

    public void Detach(Application application, int attachmentId)
    {
        var attachment = application.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is not null)
        {
            application.Attachments.Remove(attachment);
            db.ApplicationAttachments.Remove(attachment);
            Touch(application);
        }
    }

    /// <summary>An attachment's bytes, only through an application the caller has already scoped to its business.</summary>
    public Task<byte[]?> ContentAsync(ApplicationFile file, int attachmentId, CancellationToken cancellationToken = default) =>
        file.Application.Attachments.Any(a => a.Id == attachmentId)
            ? db.AttachmentBlobs.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<byte[]?>(null);

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    private void Touch(Application application) => application.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
}
