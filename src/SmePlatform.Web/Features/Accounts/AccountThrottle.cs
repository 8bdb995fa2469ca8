using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>
/// Progressive delays per email address typed at the sign-in page (<see cref="SignInThrottle"/>), kept in the database
/// so that every instance sees them and a restart forgets nothing: after a few failures in a row the next attempt waits
/// 1 s, 2 s, 4 s … up to a cap, counted from the last failure. Nothing locks: the owner with the right password gets
/// in once the wait is over, and an attacker who wants to keep the account waiting must wait too. Addresses without an
/// account are slowed down exactly alike, so the wait tells nobody which addresses have one. When an account's run of
/// failures first makes it wait, its owner is emailed, once a run (through the outbox).
/// </summary>
public sealed class AccountThrottle(
    SmeDbContext db, Outbox outbox, IOptions<SignInThrottlingOptions> options, TimeProvider clock, SignInCeilings ceilings, ILogger<AccountThrottle> logger)
{
    /// <summary>The owner's email: <c>Notice.SignInThrottled.Subject</c> and <c>.Body</c>; its argument is the number of failures.</summary>
    public const string OwnerNoticeTemplate = "SignInThrottled";

    /// <summary>Where the owner's email leads: a new password by email ends the wait at once.</summary>
    public const string OwnerNoticeLink = "/account/forgot-password";

    private SignInThrottlingOptions.AccountDelays Settings => options.Value.Account;

    /// <summary>How long the next attempt on <paramref name="normalizedEmail"/> must still wait; null when it may come now.</summary>
    public async Task<TimeSpan?> WaitAsync(string normalizedEmail)
    {
        var key = Key(normalizedEmail);
        var run = await db.SignInThrottles.AsNoTracking().Where(t => t.Key == key)
            .Select(t => new { t.Failures, t.LastFailureAtUtc }).FirstOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (run is null || now - run.LastFailureAtUtc >= Settings.ForgetAfter)
        {
            return null;
        }

        var until = run.LastFailureAtUtc + Settings.DelayAfter(run.Failures);
        return until > now ? until - now : null;
    }

    /// <summary>
    /// Counts a failure on <paramref name="normalizedEmail"/> (atomically: concurrent failures all count) and, when it
    /// makes <paramref name="account"/> wait for the first time in the run, emails its owner.
    /// </summary>
    public async Task RecordFailureAsync(string normalizedEmail, ApplicationUser? account)
    {
        var key = Key(normalizedEmail);
        var now = clock.GetUtcNow().UtcDateTime;
        var forgetBefore = now - Settings.ForgetAfter;
        var failures = await CountFailureAsync(key, now, forgetBefore);
        if (failures >= Settings.FreeFailures)
        {
            // The run is marked as told for an address without an account too, so that both cost the same work. Only a
            // confirmed address is written to: an unconfirmed one may not be its registrant's.
            await TellOwnerOnceAsync(key, account is { EmailConfirmed: true } ? account : null, failures, now);
        }

        if (ceilings.TakePruneTurn(now))
        {
            await db.SignInThrottles.Where(t => t.LastFailureAtUtc < forgetBefore).ExecuteDeleteAsync();
        }
    }

    /// <summary>Ends the run on <paramref name="normalizedEmail"/>: the right password was given, or a new one set by email.</summary>
    public async Task EndRunAsync(string normalizedEmail)
    {
        var key = Key(normalizedEmail);
        if (await db.SignInThrottles.AnyAsync(t => t.Key == key))
        {
            await db.SignInThrottles.Where(t => t.Key == key).ExecuteDeleteAsync();
        }
    }

    /// <summary>The row's name: the SHA-256 of the normalized address, so typed addresses are not kept as typed.</summary>
    public static string Key(string normalizedEmail) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    private async Task<int> CountFailureAsync(string key, DateTime now, DateTime forgetBefore)
    {
        for (var attempt = 0; ; attempt++)
        {
            // A run with no failure for ForgetAfter starts again from one, and its owner may be told again.
            var counted = await db.SignInThrottles.Where(t => t.Key == key).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Failures, t => t.LastFailureAtUtc < forgetBefore ? 1 : t.Failures + 1)
                .SetProperty(t => t.OwnerToldAtUtc, t => t.LastFailureAtUtc < forgetBefore ? null : t.OwnerToldAtUtc)
                .SetProperty(t => t.LastFailureAtUtc, now));
            if (counted == 1)
            {
                return await db.SignInThrottles.AsNoTracking().Where(t => t.Key == key).Select(t => t.Failures).FirstOrDefaultAsync();
            }

            var first = db.SignInThrottles.Add(new SignInThrottle { Key = key, Failures = 1, LastFailureAtUtc = now });
            try
            {
                await db.SaveChangesAsync();
                return 1;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another attempt on the same address made the row first: count on it.
                first.State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// The owner is told once a run: the first request to mark the run as told (one conditional update, so the
    /// database picks one among concurrent ones) writes the email to the outbox, in the same transaction.
    /// </summary>
    private Task TellOwnerOnceAsync(string key, ApplicationUser? account, int failures, DateTime now) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var free = Settings.FreeFailures;
            var marked = await db.SignInThrottles
                .Where(t => t.Key == key && t.OwnerToldAtUtc == null && t.Failures >= free)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.OwnerToldAtUtc, now));
            if (marked == 1 && account is not null)
            {
                outbox.Email(account.Id, OwnerNoticeTemplate, OwnerNoticeLink, [failures.ToString(CultureInfo.InvariantCulture)]);
                await db.SaveChangesAsync();
                logger.LogInformation("Sign-in to account {UserId} now waits after {Failures} failures; its owner is emailed", account.Id, failures);
            }

            await transaction.CommitAsync();
        });
}
