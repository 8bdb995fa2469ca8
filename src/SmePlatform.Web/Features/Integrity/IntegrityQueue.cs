using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>The <c>IntegrityQueue</c> section of configuration.</summary>
public sealed class IntegrityQueueOptions
{
    public const string Section = "IntegrityQueue";

    /// <summary>How often owed checks are looked for (a submission in this process wakes the worker at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker holds a job it claimed: one stopped mid-run leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The integrity checks owed after a submission or a performance report. They are rows
/// (<see cref="IntegrityCheckJob"/>) written in the caller's unit of work, so they are saved with the change they
/// follow or not at all, and a crash loses none: <see cref="IntegrityQueueWorker"/> runs them after the commit, off
/// the request's path, and on its next start runs whatever was still owed.
/// </summary>
public sealed class IntegrityQueue(SmeDbContext db, TimeProvider clock, IntegrityQueueSignal signal)
{
    /// <summary>Owes the checks of an application, in the caller's unit of work (saved with it).</summary>
    public void Owe(int applicationId, FlagSource source)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.IntegrityCheckJobs.Add(new IntegrityCheckJob { ApplicationId = applicationId, Source = source, CreatedAtUtc = now, NextAttemptAtUtc = now });
    }

    /// <summary>After the commit: the worker looks now instead of at its next poll.</summary>
    public void Wake() => signal.Wake();

    /// <summary>
    /// Takes a job that is due and that nobody holds, for <paramref name="lease"/>: one conditional UPDATE, so of two
    /// workers (two instances, or a restart racing a run) exactly one gets it. False when another has it, or it is done.
    /// </summary>
    public static async Task<bool> TryClaimAsync(SmeDbContext db, long jobId, DateTime nowUtc, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        DateTime? until = nowUtc + lease;
        return await db.IntegrityCheckJobs
            .Where(j => j.Id == jobId && j.DoneAtUtc == null && j.NextAttemptAtUtc <= nowUtc && (j.LeaseUntilUtc == null || j.LeaseUntilUtc <= nowUtc))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntilUtc, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken) == 1;
    }

    /// <summary>How long a job waits after its <paramref name="attempts"/>-th failed run: 20 s, 40 s … up to an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Math.Min(attempts, 20))));
}

/// <summary>Wakes the worker when checks were owed in this process.</summary>
public sealed class IntegrityQueueSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up, or <paramref name="timeout"/> at most.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(timeout);
        try
        {
            await _signal.Reader.WaitToReadAsync(waited.Token);
            _signal.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look anyway (another instance may have owed checks).
        }
    }
}

/// <summary>
/// Runs the owed checks one after another, when people's writes pause, and raises their flags: claims a job (a lease),
/// runs the checks, keeps the flags (the same finding is one flag, however often it is found), marks the job done. A
/// failed run is tried again later (<see cref="IntegrityQueue.Backoff"/>); a run cut off by a stopped process is taken
/// again when its lease has run out, here or by another instance.
/// </summary>
public sealed class IntegrityQueueWorker(
    IServiceScopeFactory scopes, IntegrityQueueSignal signal, WriteGate gate, TimeProvider clock, IOptions<IntegrityQueueOptions> options,
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
        await gate.QuietAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.IntegrityCheckJobs.AsNoTracking()
            .Where(j => j.DoneAtUtc == null && j.NextAttemptAtUtc <= now && (j.LeaseUntilUtc == null || j.LeaseUntilUtc <= now))
            .OrderBy(j => j.Id).Take(10).ToListAsync(cancellationToken);
        foreach (var job in due)
        {
            bool claimed;
            using (await gate.EnterInBackgroundAsync(db, cancellationToken))
            {
                claimed = await IntegrityQueue.TryClaimAsync(db, job.Id, now, options.Value.Lease, cancellationToken);
            }

            if (claimed)
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
            using var turn = await gate.EnterInBackgroundAsync(db, cancellationToken);
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
                using var turn = await gate.EnterInBackgroundAsync(db, cancellationToken);
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
