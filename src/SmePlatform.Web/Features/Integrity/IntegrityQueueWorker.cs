using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// Runs the owed checks one after another, when people's writes pause, and raises their flags: claims a job (a lease),
/// runs the checks, keeps the flags (the same finding is one flag, however often it is found), marks the job done. A
/// failed run is tried again later (<see cref="IntegrityQueue.Backoff"/>); a run cut off by a stopped process is taken
/// again when its lease has run out, here or by another instance.
/// </summary>
public sealed class IntegrityQueueWorker(
    IServiceScopeFactory scopes, IntegrityQueueSignal signal, IDatabaseWrites writes, TimeProvider clock, IOptions<IntegrityQueueOptions> options,
    ILogger<IntegrityQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The owed integrity checks could not be read; they are looked for again");
            }

            await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Claims and runs the next job that is due; false when there is none (or others hold them all).</summary>
    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        // Submissions first: the checks run in the pause after a burst of them.
        await writes.QuietAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.IntegrityCheckJobs.AsNoTracking()
            .Where(j => j.DoneAtUtc == null && j.NextAttemptAtUtc <= now && (j.LeaseUntilUtc == null || j.LeaseUntilUtc <= now))
            .OrderBy(j => j.Id).Take(10).ToListAsync(cancellationToken);
        foreach (var job in due)
        {
            if (await IntegrityQueue.TryClaimAsync(db, job.Id, now, options.Value.Lease, cancellationToken))
            {
                await RunAsync(scope.ServiceProvider, db, job, cancellationToken);
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(IServiceProvider services, SmeDbContext db, IntegrityCheckJob job, CancellationToken cancellationToken)
    {
        try
        {
            var inspector = services.GetRequiredService<IntegrityInspector>();
            var findings = await inspector.InspectAsync(job.ApplicationId, cancellationToken: cancellationToken);
            // Kept, then marked done: a stop in between runs the checks again, which finds the same flags and adds none.
            await inspector.RaiseAsync(job.ApplicationId, findings, job.Source, cancellationToken);
            DateTime? done = clock.GetUtcNow().UtcDateTime;
            await db.IntegrityCheckJobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneAtUtc, done).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow().UtcDateTime + IntegrityQueue.Backoff(job.Attempts + 1);
            logger.LogWarning(exception, "The integrity checks of application {ApplicationId} failed (attempt {Attempts}); tried again at {RetryAtUtc}",
                job.ApplicationId, job.Attempts + 1, retryAt);
            db.ChangeTracker.Clear();
            try
            {
                await db.IntegrityCheckJobs.Where(j => j.Id == job.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextAttemptAtUtc, retryAt).SetProperty(j => j.LeaseUntilUtc, (DateTime?)null), cancellationToken);
            }
            catch (Exception release) when (!cancellationToken.IsCancellationRequested)
            {
                // Left held: it is taken again when its lease runs out.
                logger.LogWarning(release, "Integrity check job {JobId} could not be released; it is taken again when its lease runs out", job.Id);
            }
        }
    }
}
