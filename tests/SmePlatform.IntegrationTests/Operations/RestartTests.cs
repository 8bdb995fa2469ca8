using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using SmePlatform.Domain.Integrity;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Email;

namespace SmePlatform.IntegrationTests.Operations;

/// <summary>
/// Work that must outlive the process, through a stop and a start of the portal on the same database: the integrity
/// checks owed after a submission, and emails handed over but not confirmed.
/// </summary>
public class RestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ChecksOwedAtAStop_RunAtTheNextStart_AndRaiseTheirFlags()
    {
        // The first run has no worker for the checks: it stops with them owed, as a crash just after the commit would.
        var first = new SmeAppFactory { TestServices = services => RemoveHostedService<IntegrityQueueWorker>(services) };
        SmeAppFactory? second = null;
        try
        {
            var (owner, business, earlier) = await first.CreateApplicantAsync();
            var resubmitted = await first.CreateApplicationAsync(business, owner, returnedForCorrection: true);
            using (var client = first.CreatePortalClient())
            {
                await client.SignInAsync(owner);
                var check = await client.GetAsync($"/businesses/{business.Id}/applications/{resubmitted}/check");
                var receipt = await client.SubmitFormAsync(check, [], formSelector: "form[data-submit-once]");
                Assert.Equal(HttpStatusCode.OK, receipt.Status);
            }

            Assert.False(await first.WithDbAsync(db => db.IntegrityFlags.AnyAsync(f => f.ApplicationId == resubmitted)));
            // Owed with each submission, in its transaction: the first round (the fixture's) and the resubmission.
            Assert.Equal(2, await first.WithDbAsync(db => db.IntegrityCheckJobs.CountAsync(j => j.ApplicationId == resubmitted && j.Source == FlagSource.Submission && j.DoneAtUtc == null && j.Attempts == 0)));

            second = first.Restart();
            first.Dispose();

            // Started again: what was owed is run, and the resubmission's double claim is flagged for the reviewers.
            var flag = await EventuallyAsync(() => second.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().FirstOrDefaultAsync(f => f.ApplicationId == resubmitted)));
            Assert.Equal((IntegrityRule.DoubleReceipt, FlagSource.Submission, earlier), (flag.Rule, flag.RaisedBy, flag.OtherApplicationId));
            await EventuallyAsync(async () => await second.WithDbAsync(db => db.IntegrityCheckJobs.AnyAsync(j => j.DoneAtUtc == null)) ? null : "all done");
            Assert.All(await second.WithDbAsync(db => db.IntegrityCheckJobs.AsNoTracking().ToListAsync()), job => Assert.Null(job.LeaseUntilUtc));
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
        }
    }

    [Fact]
    public async Task AnEmailHandedOverButNotConfirmed_IsSentOnceMore_AfterItsLease_WithTheSameMessageId_AndAConfirmedOneIsNot()
    {
        var lease = TimeSpan.FromSeconds(3);
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:EmailLease"] = lease.ToString("c", CultureInfo.InvariantCulture),
            ["Outbox:PollInterval"] = "00:00:00.200",
        };
        var stalling = $"stall-{Guid.NewGuid():N}@test.example.jp";
        var handedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first run hands the email to `stalling` over and stops before it can mark it sent.
        var first = new SmeAppFactory
        {
            Settings = settings,
            TestServices = services => services.AddSingleton<IEmailSender>(provider =>
                new StopsAfterHandover(ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(provider), stalling, handedOver)),
        };
        SmeAppFactory? second = null;
        try
        {
            var confirmed = await first.CreateUserAsync();
            var unconfirmed = await first.CreateUserAsync(email: stalling);
            await first.WithDbAsync(db =>
            {
                var outbox = new Outbox(db, TimeProvider.System);
                outbox.Email(confirmed.Id, "StatusChanged", "/notices", ["2026-MONO-000001", "ApplicationStatus.Submitted"]);
                outbox.Email(unconfirmed.Id, "StatusChanged", "/notices", ["2026-MONO-000002", "ApplicationStatus.Submitted"]);
                return db.SaveChangesAsync();
            });
            await handedOver.Task.WaitAsync(Patience);
            Task<OutboxMessage> MessageToAsync(SmeAppFactory portal, TestUser user) =>
                portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientUserId == user.Id));
            var held = await MessageToAsync(first, unconfirmed);
            Assert.NotNull((await MessageToAsync(first, confirmed)).SentAtUtc);
            Assert.Null(held.SentAtUtc);
            Assert.NotNull(held.LeaseUntilUtc);

            second = first.Restart(settings);
            first.Dispose();

            // Started again: sent once more when its lease has run out; the confirmed one stays sent once.
            await EventuallyAsync(async () => (await MessageToAsync(second, unconfirmed)).SentAtUtc);
            await second.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();
            var toUnconfirmed = Files(second.Mailbox, stalling);
            Assert.Equal(2, toUnconfirmed.Count);
            Assert.Equal($"outbox-{held.Id}@smeplatform.example.jp", toUnconfirmed[0].Message.MessageId);
            Assert.Equal(toUnconfirmed[0].Message.MessageId, toUnconfirmed[1].Message.MessageId);
            Assert.True(toUnconfirmed[1].WrittenAtUtc >= held.LeaseUntilUtc!.Value.AddMilliseconds(-1), $"{toUnconfirmed[1].WrittenAtUtc:O} before {held.LeaseUntilUtc:O}");
            Assert.Single(Files(second.Mailbox, confirmed.Email));
            Assert.False(await second.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAtUtc == null || m.LeaseUntilUtc != null)));
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
        }
    }

    [Fact]
    public async Task AnOwedCheck_IsClaimedByOneWorkerOnly_UntilItsLeaseRunsOut()
    {
        using var portal = new SmeAppFactory();
        var (_, _, applicationId) = await portal.CreateApplicantAsync();
        // Due in an hour, so the portal's own worker leaves it alone; the claims below are made as of two hours on.
        var later = DateTime.UtcNow.AddHours(2);
        var job = new IntegrityCheckJob { ApplicationId = applicationId, Source = FlagSource.Review, CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow.AddHours(1) };
        await portal.WithDbAsync(db =>
        {
            db.IntegrityCheckJobs.Add(job);
            return db.SaveChangesAsync();
        });
        var lease = TimeSpan.FromMinutes(5);
        async Task<bool> ClaimAsync(DateTime at) => await portal.WithDbAsync(db => IntegrityQueue.TryClaimAsync(db, job.Id, at, lease));

        // Two workers at once: one gets it.
        var both = await Task.WhenAll(ClaimAsync(later), ClaimAsync(later));
        Assert.Single(both, claimed => claimed);
        // Held while the lease runs; taken again once it has run out (the holder stopped).
        Assert.False(await ClaimAsync(later + lease - TimeSpan.FromSeconds(1)));
        Assert.True(await ClaimAsync(later + lease + TimeSpan.FromSeconds(1)));
        Assert.Equal(2, await portal.WithDbAsync(db => db.IntegrityCheckJobs.Where(j => j.Id == job.Id).Select(j => j.Attempts).SingleAsync()));
        // Done: never claimed again.
        await portal.WithDbAsync(db => db.IntegrityCheckJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneAtUtc, DateTime.UtcNow)));
        Assert.False(await ClaimAsync(later + TimeSpan.FromHours(1)));
    }

    private static void RemoveHostedService<T>(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>Every .eml file to <paramref name="address"/>, in the order written, each with when (UTC, from its name).</summary>
    private static List<(MimeMessage Message, DateTime WrittenAtUtc)> Files(Mailbox mailbox, string address) =>
        [.. Directory.GetFiles(mailbox.Folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(path => (Message: MimeMessage.Load(path), WrittenAtUtc: DateTime.SpecifyKind(
                DateTime.ParseExact(Path.GetFileName(path)[..17], "yyyyMMddHHmmssfff", CultureInfo.InvariantCulture), DateTimeKind.Utc)))
            .Where(m => m.Message.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase)))];

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, "Not done in time.");
            await Task.Delay(200);
        }
    }

    private static async Task<DateTime> EventuallyAsync(Func<Task<DateTime?>> probe) =>
        await EventuallyAsync<object>(async () => await probe()) is DateTime at ? at : default;

    /// <summary>Hands every email over; the one to <paramref name="address"/>, then never returns, as a process stopped there would not.</summary>
    private sealed class StopsAfterHandover(IEmailSender inner, string address, TaskCompletionSource handedOver) : IEmailSender
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            await inner.SendAsync(message, cancellationToken);
            if (message.To == address)
            {
                handedOver.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }
}
