using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Integrity;

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
