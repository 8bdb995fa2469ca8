using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Infrastructure.Email;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Notices;

/// <summary>The <c>Outbox</c> section of configuration.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often pending messages are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an email claimed for sending is held: one whose sending was never confirmed (the process stopped between
    /// the handover and marking it sent) is sent again after this, with the same Message-ID. Longer than a send can take.
    /// </summary>
    public TimeSpan EmailLease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Delivers the outbox. An in-app notice is inserted under the outbox id's unique key, so delivering again after
/// a crash cannot make a second one (exactly once). An email is claimed first (a conditional UPDATE gives it a lease:
/// no other dispatcher sends it meanwhile), handed over, and marked sent at once; only one whose handover was never
/// confirmed — the process stopped in between — is sent again, after its lease, with the same Message-ID, so the
/// receiving side can tell it is the same message (at least once). A match job (<see cref="PushMatcher"/>) puts its notices
/// under their (person, topic) unique key, so running it again after a crash adds none twice. Failures wait longer
/// each time. After each round, the daily email digests that are due (<see cref="NoticeDigest"/>). Links in emails
/// start with the portal's public address (<see cref="PublicBaseUrl"/>), so the first round waits for the portal to
/// have started (where no address is set, it is the one the portal listens on).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, PublicBaseUrl publicBase, IHostApplicationLifetime lifetime, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeDigest>().SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Outbox dispatch failed; it is tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Delivers what is due now; the number delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var gate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= now))
            .OrderBy(m => m.Id).Take(50).ToListAsync(cancellationToken);
        var claimed = await ClaimEmailsAsync(db, gate, [.. due.Where(m => m.Channel == OutboxChannel.Email).Select(m => m.Id)], now, cancellationToken);
        var delivered = 0;
        foreach (var message in due)
        {
            if (message.Channel == OutboxChannel.Email)
            {
                // Marked one by one, as each is handed over: a stop loses at most the confirmation of the one being sent.
                db.Entry(message).State = EntityState.Detached;
                // Sent only while at least half its lease remains (slow handovers before it): never after another
                // dispatcher may have taken it over; one left so is let go when the lease runs out.
                var leaseLeft = now + options.Value.EmailLease - clock.GetUtcNow().UtcDateTime;
                if (claimed.Contains(message.Id) && leaseLeft > options.Value.EmailLease / 2
                    && await SendClaimedEmailAsync(scope.ServiceProvider, db, gate, message, clock, cancellationToken))
                {
                    delivered++;
                }

                continue;
            }

            try
            {
                if (message.Channel == OutboxChannel.InApp)
                {
                    await DeliverNoticeAsync(db, message, now, cancellationToken);
                }
                else if (message.Channel == OutboxChannel.Event)
                {
                    // A domain event: handed to the handlers of its name (a profile change: push matching).
                    foreach (var handler in scope.ServiceProvider.GetServices<IDomainEventHandler>().Where(h => h.EventName == message.Template))
                    {
                        await handler.HandleAsync([message], cancellationToken);
                    }
                }
                else
                {
                    var pushed = await scope.ServiceProvider.GetRequiredService<PushMatcher>().RunAsync(
                        message, soFar => logger.LogDebug("Match job {OutboxId}: {Count} notices so far", message.Id, soFar), cancellationToken);
                    logger.LogInformation("Match job {OutboxId} ({Trigger}) put {Count} notices in inboxes", message.Id, message.Template, pushed);
                }

                message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
                delivered++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                message.Attempts++;
                message.NextAttemptAtUtc = now.AddSeconds(Math.Min(3600, 10 * Math.Pow(2, message.Attempts)));
                logger.LogWarning(exception, "Outbox message {OutboxId} failed (attempt {Attempts})", message.Id, message.Attempts);
            }
        }

        try
        {
            // One save for the round, taking one turn with the submissions (SQLite's one writer) instead of one a
            // message: under a burst of submissions the outbox fills as fast as they come.
            using var turn = await gate.EnterInBackgroundAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another dispatcher (another instance, or a retry racing this one) delivered one of them first: the
            // notice's unique key refused the second copy. Nothing of this round is saved; the next round finds what
            // is delivered and delivers the rest (emails already sent go again, with the same Message-ID).
            db.ChangeTracker.Clear();
            return 0;
        }

        return delivered;
    }

    /// <summary>
    /// Claims the emails among <paramref name="ids"/> that are still unsent and held by nobody (or whose holder's lease ran
    /// out): one conditional UPDATE gives them this round's token and a lease, so two dispatchers never send one at the
    /// same time. The ids this round holds.
    /// </summary>
    private async Task<HashSet<long>> ClaimEmailsAsync(SmeDbContext db, WriteGate gate, List<long> ids, DateTime now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("N");
        DateTime? until = now + options.Value.EmailLease;
        using (await gate.EnterInBackgroundAsync(db, cancellationToken))
        {
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.SentAtUtc == null && (m.LeaseUntilUtc == null || m.LeaseUntilUtc <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.LeaseUntilUtc, until), cancellationToken);
        }

        return [.. await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.ClaimToken == token).Select(m => m.Id).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// Hands a claimed email over, then marks it sent at once; a failure is recorded and the claim let go, to be tried
    /// again later. A stop in between (cancellation) leaves the claim: whether the handover happened is not known, so
    /// it is sent again, with the same Message-ID, when the lease runs out.
    /// </summary>
    private async Task<bool> SendClaimedEmailAsync(
        IServiceProvider services, SmeDbContext db, WriteGate gate, OutboxMessage message, TimeProvider clock, CancellationToken cancellationToken)
    {
        var messages = db.OutboxMessages.Where(m => m.Id == message.Id);
        try
        {
            await SendEmailAsync(services, db, message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var attempts = message.Attempts + 1;
            var retryAt = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Min(3600, 10 * Math.Pow(2, attempts)));
            logger.LogWarning(exception, "Outbox message {OutboxId} failed (attempt {Attempts})", message.Id, attempts);
            using var failed = await gate.EnterInBackgroundAsync(db, cancellationToken);
            await messages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAtUtc, retryAt)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null).SetProperty(m => m.ClaimToken, (string?)null), CancellationToken.None);
            return false;
        }

        // Confirmed even if the stop was asked for meanwhile: the email is out.
        DateTime? sent = clock.GetUtcNow().UtcDateTime;
        using var turn = await gate.EnterInBackgroundAsync(db, CancellationToken.None);
        await messages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAtUtc, sent).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null).SetProperty(m => m.ClaimToken, (string?)null), CancellationToken.None);
        return true;
    }

    private static async Task DeliverNoticeAsync(SmeDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        // Insert unless already there: the unique key on OutboxMessageId is what makes it exactly once.
        var exists = await db.Notices.AnyAsync(n => n.OutboxMessageId == message.Id, cancellationToken);
        if (!exists)
        {
            db.Notices.Add(new Notice
            {
                OutboxMessageId = message.Id,
                UserId = message.RecipientUserId,
                Template = message.Template,
                Arguments = message.Arguments,
                Link = message.Link,
                CreatedAtUtc = now,
            });
        }
    }

    private async Task SendEmailAsync(IServiceProvider services, SmeDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var address = await db.Users.Where(u => u.Id == message.RecipientUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (address is null)
        {
            return;
        }

        var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var arguments = message.Template == Accounts.AccountEmails.PasswordResetTemplate
            ? await services.GetRequiredService<Accounts.AccountEmails>().PasswordResetArgumentsAsync(message.RecipientUserId)
            : await ArgumentsAsync(db, message, t, publicBase, cancellationToken);
        var link = publicBase.Link(message.Link);
        string Text(string culture, string part) => Cultures.In(culture, () => t[$"Notice.{message.Template}.{part}", [.. arguments(culture), link]].Value);

        // Japanese first, then English: the person's language is not known here.
        var subject = $"{Text("ja", "Subject")} / {Text("en", "Subject")}";
        var body = $"{Text("ja", "Body")}\n\n----\n\n{Text("en", "Body")}\n";
        var sender = services.GetRequiredService<IEmailSender>();
        await sender.SendAsync(new EmailMessage(address, subject, body, $"outbox-{message.Id}@smeplatform.example.jp"), cancellationToken);
    }

    /// <summary>
    /// The placeholders' values in a language: the message's own; for a digest, the count and the list of its measures
    /// with their links; for a receipt those of its submission (the number, the measure's title, the amount requested,
    /// the time, the hash and the files); for a return for correction the deadline, the reviewer's
    /// reason and what to correct.
    /// </summary>
    private static async Task<Func<string, object[]>> ArgumentsAsync(
        SmeDbContext db, OutboxMessage message, IStringLocalizer t, PublicBaseUrl publicBase, CancellationToken cancellationToken)
    {
        if (message.Template == NoticeDigest.Template)
        {
            return await DigestArgumentsAsync(db, message, t, publicBase, cancellationToken);
        }

        if (message.Template == Outbox.ReturnedTemplate)
        {
            return await ReturnedArgumentsAsync(db, message, t, cancellationToken);
        }

        if (message.Template != Outbox.ReceiptTemplate)
        {
            return culture => Cultures.In(culture, () => Outbox.Localized(message.Arguments, t));
        }

        var key = message.Arguments.Split('/');
        var (applicationId, round) = (int.Parse(key[0], CultureInfo.InvariantCulture), int.Parse(key[1], CultureInfo.InvariantCulture));
        var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.ApplicationId == applicationId && s.Round == round, cancellationToken);
        var content = SubmittedContent.Parse(submission.Content);
        var files = content.Attachments;
        var measure = await db.SupportMeasures.AsNoTracking().Where(m => m.Slug == content.Measure).Select(m => new { m.TitleJa, m.TitleEn }).FirstOrDefaultAsync(cancellationToken);
        return culture => Cultures.In(culture, () => new object[]
        {
            submission.ApplicationNumber,
            measure is null ? content.Measure : Display.Text(measure.TitleJa, measure.TitleEn),
            content.RequestedYen is { } requested ? Display.Yen(requested) : "-",
            Display.DateTime(submission.SubmittedAtUtc),
            submission.ContentSha256,
            files.Count == 0 ? "-" : string.Join("\n", files.Select(f => $"  {f.FileName} ({Display.Bytes(f.SizeBytes)}) SHA-256 {f.Sha256}")),
        });
    }

    /// <summary>A digest's count, and its measures each on a line with its address (those still there), then how many more.</summary>
    private static async Task<Func<string, object[]>> DigestArgumentsAsync(
        SmeDbContext db, OutboxMessage message, IStringLocalizer t, PublicBaseUrl publicBase, CancellationToken cancellationToken)
    {
        var arguments = message.Arguments.Split('\t');
        var count = int.Parse(arguments[0], CultureInfo.InvariantCulture);
        var ids = arguments.Skip(1).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
        var found = await db.SupportMeasures.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Slug, m.TitleJa, m.TitleEn }).ToDictionaryAsync(m => m.Id, cancellationToken);
        var listed = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        return culture => Cultures.In(culture, () =>
        {
            var lines = listed.Select(m => $"{Display.Text("・", "- ")}{Display.Text(m.TitleJa, m.TitleEn)}\n  {publicBase.Link($"/measures/{m.Slug}")}").ToList();
            if (count > listed.Count)
            {
                lines.Add(t["Notice.Digest.More", count - listed.Count].Value);
            }

            return new object[] { count.ToString(CultureInfo.InvariantCulture), string.Join("\n", lines) };
        });
    }

    /// <summary>A return's number, deadline (Japan time), the reviewer's reason, and each item to correct with its reason, as the applicant's step pages show them.</summary>
    private static async Task<Func<string, object[]>> ReturnedArgumentsAsync(SmeDbContext db, OutboxMessage message, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var parts = message.Arguments.Split('\t');
        var (applicationId, round) = (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.CorrectionDueAtUtc, a.FormId }).FirstAsync(cancellationToken);
        var form = (await db.ApplicationForms.AsNoTracking().FirstAsync(f => f.Id == application.FormId, cancellationToken)).Read();
        var corrections = await db.CorrectionRequests.AsNoTracking().Where(c => c.ApplicationId == applicationId && c.Round == round)
            .OrderBy(c => c.Id).Select(c => new { c.FieldKey, c.Reason }).ToListAsync(cancellationToken);
        var reason = await db.ApplicationTransitions.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId && x.To == ApplicationStatus.ReturnedForCorrection)
            .OrderByDescending(x => x.Id).Select(x => x.Reason).FirstOrDefaultAsync(cancellationToken);
        return culture => Cultures.In(culture, () => new object[]
        {
            parts[0],
            application.CorrectionDueAtUtc is { } due ? Display.DateTime(due) : "-",
            string.IsNullOrWhiteSpace(reason) ? "-" : reason,
            corrections.Count == 0 ? "-" : string.Join("\n", corrections.Select(c =>
                $"・{Applications.CorrectionsAsked.Label(form, c.FieldKey, t)}: {c.Reason}")),
        });
    }
}
