using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Dashboard;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.Applications;

/// <summary>The receipt a submission leads to, or null when someone else changed the application first.</summary>
public sealed record SubmitOutcome(Submission? Receipt)
{
    public bool Conflict => Receipt is null;
}

/// <summary>
/// Submits (and resubmits) an application so that it cannot half-succeed or happen twice. In one transaction: the
/// next number of the year and form code is taken with an atomic UPDATE (so numbers have no gaps: a failed
/// submission rolls its number back), the content is frozen with its SHA-256, the application moves on against
/// the version the applicant saw, the notices go to the outbox and the integrity checks it owes to their queue. The database guarantees "once": the
/// idempotency key (per application) and the application's round are unique keys, so a double click, a retry, a resent form or
/// a competing request that slips in between any check and the insert can only find the submission already made.
/// </summary>
public sealed class ApplicationSubmitter(
    SmeDbContext db, ProfilePrefill prefill, EligibilityEngine engine, Outbox outbox, IntegrityQueue integrity, WriteGate gate, DashboardSignal dashboards,
    TimeProvider clock)
{
    /// <param name="file">The application, loaded tracked, already checked ready to submit by the caller.</param>
    /// <param name="startedFrom">The application's version on the page the applicant submitted from.</param>
    /// <param name="idempotencyKey">The key the check-your-answers page gave its submit button.</param>
    /// <param name="userId">Who submits.</param>
    /// <param name="eligibility">The eligibility verdict the applicant saw on the check page, kept beside the receipt.</param>
    /// <param name="profile">The profile's values as the caller already read them to check the application, or null to read them here.</param>
    /// <param name="cancellationToken">Cancels the submission (nothing is saved).</param>
    public async Task<SubmitOutcome> SubmitAsync(
        ApplicationFile file, int startedFrom, string idempotencyKey, string userId, EligibilitySnapshot? eligibility = null,
        IReadOnlyDictionary<string, PrefillValue>? profile = null, CancellationToken cancellationToken = default)
    {
        var application = file.Application;
        var round = application.Rounds + 1;
        profile ??= await prefill.ValuesAsync(file.Business, cancellationToken);
        // Read before the transaction: inside it, only the writes (SQLite holds its one write lock until commit).
        var recipients = await outbox.RecipientsAsync(application.BusinessId, userId, cancellationToken);
        // The measure's terms as they apply on the day, frozen in the content (the reviewer and the payable read them there).
        var terms = file.TermsFor(engine.Classify(file.Business.Facts).Class, file.Business.RegularEmployees);
        var outcome = await SaveAsync(file, startedFrom, idempotencyKey, userId, eligibility, terms, profile, recipients, round, cancellationToken);
        if (!outcome.Conflict)
        {
            // Committed (or found committed, for a resent form): open dashboards read their numbers again, and the
            // integrity checks run now, off the submission's path.
            await dashboards.ChangedAsync();
            integrity.Wake();
        }

        return outcome;
    }

    private async Task<SubmitOutcome> SaveAsync(
        ApplicationFile file, int startedFrom, string idempotencyKey, string userId, EligibilitySnapshot? eligibility, SubmittedTerms? terms,
        IReadOnlyDictionary<string, PrefillValue> profile, IReadOnlyList<string> recipients, int round, CancellationToken cancellationToken)
    {
        var application = file.Application;
        using var turn = await gate.EnterAsync(db, cancellationToken);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var number = application.Number ?? await AllocateNumberAsync($"{JapanTime.DateOf(now).Year}-{file.Form.Code}", cancellationToken);
                var content = Content(file, number, round, now, profile, terms);
                var submission = new Submission
                {
                    ApplicationId = application.Id,
                    Round = round,
                    IdempotencyKey = idempotencyKey,
                    ApplicationNumber = number,
                    SubmittedAtUtc = now,
                    SubmittedByUserId = userId,
                    Content = content.Canonical(),
                    ContentSha256 = content.Sha256(),
                    Eligibility = eligibility?.ToJson(),
                };
                db.Submissions.Add(submission);

                var from = application.Status;
                var to = round == 1 ? ApplicationStatus.Submitted : ApplicationStatus.Resubmitted;
                db.Entry(application).Property(a => a.Version).OriginalValue = startedFrom;
                application.Version = startedFrom + 1;
                application.Status = to;
                application.Number = number;
                application.Rounds = round;
                application.SubmittedAtUtc = now;
                application.SizeClass = eligibility?.SmeClass ?? application.SizeClass;
                // Where and in what trade the business was when it applied: what the dashboard counts it under.
                application.PrefectureCode = profile.GetValueOrDefault(nameof(Business.PrefectureCode))?.Value is { Length: > 0 } prefecture ? prefecture : null;
                application.IndustryMajor = profile.GetValueOrDefault(nameof(Business.IndustryMajor))?.Value is { Length: > 0 } industry ? industry : null;
                application.StatusChangedAtUtc = now;
                application.UpdatedAtUtc = now;
                db.ApplicationTransitions.Add(new ApplicationTransition { ApplicationId = application.Id, From = from, To = to, AtUtc = now, ByUserId = userId });
                // The submitter's email is the receipt; the Owner, if someone else, is told of the submission.
                outbox.Add(recipients, "Submitted", file.Path(), [number, file.Measure.Slug], emailedOtherwise: userId);
                outbox.Email(userId, Outbox.ReceiptTemplate, file.Path() + $"/receipts/{round}", [Outbox.ReceiptKey(application.Id, round)]);
                // The integrity checks it now owes, kept with it: a crash after the commit cannot lose them.
                integrity.Owe(application.Id, FlagSource.Submission);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new SubmitOutcome(submission);
            });
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
        {
            // Someone made this submission first (the same key, or the same round from another page): theirs is the receipt.
            // Only this application's submissions are looked at: a key is unique per application, never across them.
            db.ChangeTracker.Clear();
            var made = await db.Submissions.AsNoTracking()
                .FirstOrDefaultAsync(s => s.ApplicationId == application.Id && (s.IdempotencyKey == idempotencyKey || s.Round == round), cancellationToken);
            return new SubmitOutcome(made?.IdempotencyKey == idempotencyKey ? made : null);
        }
    }

    /// <summary>
    /// The next number of a prefix, raised atomically (an UPDATE … SET Last = Last + 1 holds the row until the
    /// transaction ends, so concurrent submissions queue there and no two get the same number).
    /// </summary>
    private async Task<string> AllocateNumberAsync(string prefix, CancellationToken cancellationToken)
    {
        var last = await RaiseNumberAsync(prefix, cancellationToken);
        if (last is null)
        {
            var first = db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Prefix = prefix, Last = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                last = 1;
            }
            catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
            {
                // Another first submission of the year made the row: take the next number from it.
                first.State = EntityState.Detached;
                last = await RaiseNumberAsync(prefix, cancellationToken);
            }
        }

        return $"{prefix}-{last:D6}";
    }

    /// <summary>
    /// The prefix's counter raised by one and read back, or null when the prefix has none yet. On SQLite in one
    /// statement (UPDATE … RETURNING): every statement made inside the one writer's turn keeps the next submission waiting.
    /// </summary>
    private async Task<int?> RaiseNumberAsync(string prefix, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var raised = await db.Database
                .SqlQuery<int>($"UPDATE \"ApplicationNumberCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"Prefix\" = {prefix} RETURNING \"Last\" AS \"Value\"")
                .ToListAsync(cancellationToken);
            return raised is [var last] ? last : null;
        }

        var counters = db.ApplicationNumberCounters.Where(c => c.Prefix == prefix);
        return await counters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken) == 0
            ? null
            : await counters.Select(c => c.Last).SingleAsync(cancellationToken);
    }

    /// <summary>The application as submitted: what its receipt's hash is taken over.</summary>
    public static SubmittedContent Content(
        ApplicationFile file, string number, int round, DateTime submittedAtUtc, IReadOnlyDictionary<string, PrefillValue> profile, SubmittedTerms? terms)
    {
        var application = file.Application;
        return new SubmittedContent(
            number,
            round,
            submittedAtUtc,
            file.Measure.Slug,
            file.FormRow.Version,
            application.ProjectStart,
            application.ProjectEnd,
            application.RequestedYen,
            application.Answers.ToDictionary(a => a.FieldKey, a => a.Value, StringComparer.Ordinal),
            file.ExpenseLines,
            [.. application.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentContent(a.FieldKey, a.FileName, a.SizeBytes, a.Sha256))],
            file.Form.ProfileFields.Where(profile.ContainsKey).ToDictionary(f => f, f => profile[f].Value, StringComparer.Ordinal),
            terms);
    }
}
