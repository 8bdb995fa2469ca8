using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// The email digest of pushed notices, for those who chose it: at most one a day, one email listing the measures
/// newly matched since the last one, each with its link (the first <see cref="InboxEntry.MeasuresListed"/>, soonest
/// deadline first; the rest counted), sent through the outbox (so a crash cannot lose it). Its arguments are the
/// count and the measures' ids; the dispatcher words them. The digest instant moves, by an atomic update from the
/// value read, in the same transaction as the email is queued: two dispatchers cannot both queue it.
/// </summary>
public sealed class NoticeDigest(SmeDbContext db, Outbox outbox, TimeProvider clock)
{
    public const string Template = "Digest";
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>Queues every digest that is due; the number queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Interval;
        var due = await db.NoticePreferences.AsNoTracking()
            .Where(p => p.EmailDigest && (p.DigestedUpToUtc == null || p.DigestedUpToUtc <= since))
            .Where(p => db.Notices.Any(n => n.UserId == p.UserId && n.Topic != null && (p.DigestedUpToUtc == null || n.CreatedAtUtc > p.DigestedUpToUtc)))
            .Take(500)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var queued = 0;
        foreach (var preference in due)
        {
            var matched = (await db.Notices.AsNoTracking()
                .Where(n => n.UserId == preference.UserId && n.Topic != null && (preference.DigestedUpToUtc == null || n.CreatedAtUtc > preference.DigestedUpToUtc))
                .Select(n => n.Arguments)
                .ToListAsync(cancellationToken))
                .Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
            var ends = await db.SupportMeasures.AsNoTracking().Where(m => matched.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.AcceptanceEndUtc, cancellationToken);
            var listed = InboxEntry.SoonestDeadlineFirst(matched, id => ends.GetValueOrDefault(id), id => id).Take(InboxEntry.MeasuresListed);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Moved only from the instant this run read: a second dispatcher (another instance) finds it moved and queues nothing.
            var previous = preference.DigestedUpToUtc;
            var won = await db.NoticePreferences
                .Where(p => p.UserId == preference.UserId && p.DigestedUpToUtc == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.DigestedUpToUtc, now), cancellationToken);
            if (won == 1)
            {
                outbox.Email(preference.UserId, Template, "/notices", [matched.Count.ToString(CultureInfo.InvariantCulture), .. listed.Select(id => id.ToString(CultureInfo.InvariantCulture))]);
                await db.SaveChangesAsync(cancellationToken);
                queued++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return queued;
    }
}
