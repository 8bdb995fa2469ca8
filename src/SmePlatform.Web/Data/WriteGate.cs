using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data;

/// <summary>
/// SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries (the busy timeout), in
/// growing steps, so under concurrent submissions some wait far longer than the queue ahead of them. Hot write paths
/// pass through this gate first: on SQLite they take turns in the process, in order, and find the lock free; on SQL
/// Server, which locks rows, the gate lets everyone through.
/// </summary>
public sealed class WriteGate(TimeProvider clock) : IDisposable
{
    /// <summary>How long writes must have paused before background work goes on.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest background work waits for a pause: it is delayed, never starved.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private long _lastEntry = clock.GetTimestamp();

    /// <summary>A person's write (a request) takes its turn; background work waits for a pause in these (<see cref="QuietAsync"/>).</summary>
    public Task<IDisposable> EnterAsync(SmeDbContext db, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _lastEntry, clock.GetTimestamp());
        return TakeTurnAsync(db, cancellationToken);
    }

    /// <summary>Background work's write (the outbox, the checks, the scan) takes its turn: no pause is waited for, none is broken.</summary>
    public Task<IDisposable> EnterInBackgroundAsync(SmeDbContext db, CancellationToken cancellationToken = default) => TakeTurnAsync(db, cancellationToken);

    private async Task<IDisposable> TakeTurnAsync(SmeDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Release(_sqliteWriter);
    }

    /// <summary>
    /// For background work that follows people's writes (the integrity checks after a submission): waits until no
    /// person's write has passed the gate for <see cref="Quiet"/>, or <see cref="LongestWait"/> at most, so a burst of
    /// submissions keeps the machine for itself and the checks run in the pause after it.
    /// </summary>
    public async Task QuietAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(Volatile.Read(ref _lastEntry)) < Quiet && clock.GetElapsedTime(started) < LongestWait)
        {
            await Task.Delay(Quiet, clock, cancellationToken);
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }
}
