using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Submit;

/// <summary>Submit (or resubmit) an application, from the check page or a test's builder.</summary>
/// <param name="File">The application, loaded tracked, already checked ready to submit by the caller.</param>
/// <param name="StartedFrom">The application's version on the page the applicant submitted from.</param>
/// <param name="IdempotencyKey">The key the check-your-answers page gave its submit button.</param>
/// <param name="UserId">Who submits.</param>
/// <param name="Eligibility">The eligibility verdict the applicant saw on the check page, kept beside the receipt.</param>
/// <param name="Profile">The profile's values as the caller already read them to check the application, or null to read them here.</param>
public sealed record SubmitApplication(
    ApplicationFile File, int StartedFrom, string IdempotencyKey, string UserId, EligibilitySnapshot? Eligibility = null,
    IReadOnlyDictionary<string, PrefillValue>? Profile = null)
{
    /// <summary>The longest idempotency key taken (the page's is a GUID's 32 characters).</summary>
    public const int MaxKeyLength = 64;
}

public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplication>
{
    public SubmitApplicationValidator()
    {
        RuleFor(c => c.IdempotencyKey).Must(key => !string.IsNullOrWhiteSpace(key)).MaximumLength(SubmitApplication.MaxKeyLength);
        RuleFor(c => c.UserId).NotEmpty();
    }
}

/// <summary>
/// Submits (and resubmits) an application so that it cannot half-succeed or happen twice. In one transaction: the
/// next number of the year and form code is taken (<see cref="IApplicationNumbers"/>: no gaps, as a failed submission
/// rolls its number back), the content is frozen with its SHA-256, the application submits itself against the version
/// the applicant saw (<see cref="Application.Submit"/>: the lifecycle checked, the transition recorded, the dashboard's
/// event raised into the outbox), the notices go to the outbox and the integrity checks it owes to their queue. The
/// database guarantees "once": the idempotency key (per application) and the application's round are unique keys, so a
/// double click, a retry, a resent form or a competing request that slips in between any check and the insert can only
/// find the submission already made. Done with the receipt; conflict when someone else changed the application first;
/// not allowed when it is not a draft or returned (and no submission has this key).
/// </summary>
public sealed class SubmitApplicationHandler(
    SmeDbContext db, ProfilePrefill prefill, EligibilityEngine engine, Outbox outbox, IntegrityQueue integrity,
    IApplicationNumbers numbers, OutboxDispatcher dispatcher, IValidator<SubmitApplication> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Submission>> HandleAsync(SubmitApplication command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return Outcome.Invalid(validation.Errors);
        }

        var (file, startedFrom) = (command.File, command.StartedFrom);
        var application = file.Application;
        if (!application.MaySubmit)
        {
            // Submitted already: with this key, that submission is the receipt.
            return await MadeAsync(application.Id, command.IdempotencyKey, application.Rounds, cancellationToken) is { } made && made.IdempotencyKey == command.IdempotencyKey
                ? Outcome.Done(made)
                : application.Version == startedFrom ? Outcome.NotAllowed : Outcome.Conflict;
        }

        var profile = command.Profile ?? await prefill.ValuesAsync(file.Business, cancellationToken);
        // Read before the transaction: inside it, only the writes (SQLite holds its one write lock until commit).
        var recipients = await outbox.RecipientsAsync(application.BusinessId, command.UserId, cancellationToken);
        // The measure's terms as they apply on the day, frozen in the content (the reviewer and the payable read them there).
        var sizeClass = engine.Classify(file.Business.Facts).Class;
        var terms = file.TermsFor(sizeClass, file.Business.RegularEmployees);
        // Where and in what trade the business was when it applied: what the dashboard counts it under.
        var business = new SubmittedAs(
            command.Eligibility is { } eligibility ? eligibility.SmeClass : sizeClass,
            profile.GetValueOrDefault(nameof(Business.PrefectureCode))?.Value is { Length: > 0 } prefecture ? prefecture : null,
            profile.GetValueOrDefault(nameof(Business.IndustryMajor))?.Value is { Length: > 0 } industry ? industry : null);
        var receipt = await SaveAsync(command, terms, profile, recipients, business, cancellationToken);
        if (receipt is null)
        {
            return Outcome.Conflict;
        }

        // Committed (or found committed, for a resent form): the dashboards' event goes out now, and the integrity
        // checks run now, off the submission's path.
        dispatcher.Wake();
        integrity.Wake();
        return Outcome.Done(receipt);
    }

    private async Task<Submission?> SaveAsync(
        SubmitApplication command, SubmittedTerms? terms, IReadOnlyDictionary<string, PrefillValue> profile, IReadOnlyList<string> recipients,
        SubmittedAs business, CancellationToken cancellationToken)
    {
        var file = command.File;
        var application = file.Application;
        var round = application.Rounds + 1;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                var number = application.Number ?? await numbers.NextAsync($"{JapanTime.DateOf(now).Year}-{file.Form.Code}", cancellationToken);
                var content = Content(file, number, round, now, profile, terms);
                var submission = new Submission
                {
                    ApplicationId = application.Id,
                    Round = round,
                    IdempotencyKey = command.IdempotencyKey,
                    ApplicationNumber = number,
                    SubmittedAtUtc = now,
                    SubmittedByUserId = command.UserId,
                    Content = content.Canonical(),
                    ContentSha256 = content.Sha256(),
                    Eligibility = command.Eligibility?.ToJson(),
                };
                db.Submissions.Add(submission);
                db.Entry(application).Property(a => a.Version).OriginalValue = command.StartedFrom;
                application.Version = command.StartedFrom + 1;
                application.Submit(number, command.UserId, now, business);
                // The submitter's email is the receipt; the Owner, if someone else, is told of the submission.
                outbox.Add(recipients, "Submitted", file.Path(), [number, file.Measure.Slug], emailedOtherwise: command.UserId);
                outbox.Email(command.UserId, Outbox.ReceiptTemplate, file.Path() + $"/receipts/{round}", [Outbox.ReceiptKey(application.Id, round)]);
                // The integrity checks it now owes, kept with it: a crash after the commit cannot lose them.
                integrity.Owe(application.Id, FlagSource.Submission);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return submission;
            });
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
        {
            // Someone made this submission first (the same key, or the same round from another page): theirs is the receipt.
            // Only this application's submissions are looked at: a key is unique per application, never across them.
            db.ChangeTracker.Clear();
            var made = await MadeAsync(application.Id, command.IdempotencyKey, round, cancellationToken);
            return made?.IdempotencyKey == command.IdempotencyKey ? made : null;
        }
    }

    /// <summary>The application's submission with this key or of this round, if made.</summary>
    private Task<Submission?> MadeAsync(int applicationId, string idempotencyKey, int round, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.ApplicationId == applicationId && (s.IdempotencyKey == idempotencyKey || s.Round == round), cancellationToken);

    /// <summary>The application as submitted: what its receipt's hash is taken over.</summary>
    public static SubmittedContent Content(
        ApplicationFile file, string number, int round, DateTime submittedAtUtc, IReadOnlyDictionary<string, PrefillValue> profile, SubmittedTerms? terms)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(profile);
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
