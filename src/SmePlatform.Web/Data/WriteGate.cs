using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Data;

/// <summary>
/// SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries (the busy timeout), in
/// growing steps, so under concurrent submissions some wait far longer than the queue ahead of them. Hot write paths
/// pass through this gate first: on SQLite they take turns in the process, in order, and find the lock free; on SQL
/// Server, which locks rows, the gate lets everyone through. A person's write waits its bound at most
/// (<see cref="DatabaseOptions.WriteTimeoutSeconds"/>), then fails with <see cref="DatabaseBusyException"/>: they are told
/// the service is busy rather than kept waiting. The gate remembers when a write last failed so (<see cref="LastBusyAtUtc"/>).
/// </summary>
public sealed class WriteGate(TimeProvider clock, IOptions<DatabaseOptions>? options = null) : IDisposable
{
    /// <summary>How long writes must have paused before background work goes on.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest background work waits for a pause: it is delayed, never starved.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly TimeSpan _bound = options?.Value.WriteTimeout ?? new DatabaseOptions().WriteTimeout;
    private long _lastEntry = clock.GetTimestamp();
    private long _lastBusyTicks;

    /// <summary>How long a person's write waits for its turn.</summary>
    public TimeSpan Bound => _bound;

    /// <summary>When a person's write last failed for want of its turn or of the database's lock; null if never.</summary>
    public DateTime? LastBusyAtUtc => Interlocked.Read(ref _lastBusyTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>
    /// A person's write (a request) takes its turn, waiting <see cref="Bound"/> at most (then <see cref="DatabaseBusyException"/>);
    /// background work waits for a pause in these (<see cref="QuietAsync"/>).
    /// </summary>
    public async Task<IDisposable> EnterAsync(SmeDbContext db, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _lastEntry, clock.GetTimestamp());
        return await TryTakeTurnAsync(db, _bound, cancellationToken) ?? throw Busy();
    }

    /// <summary>Background work's write (the outbox, the checks, the scan) takes its turn: no pause is waited for, none is broken.</summary>
    public async Task<IDisposable> EnterInBackgroundAsync(SmeDbContext db, CancellationToken cancellationToken = default) =>
        (await TryTakeTurnAsync(db, Timeout.InfiniteTimeSpan, cancellationToken))!;

    /// <summary>A turn if one comes within <paramref name="wait"/> (the readiness probe); null otherwise. Breaks no pause.</summary>
    public Task<IDisposable?> TryEnterAsync(SmeDbContext db, TimeSpan wait, CancellationToken cancellationToken = default) =>
        TryTakeTurnAsync(db, wait, cancellationToken);

    /// <summary>Records that a person's write failed for want of the database's lock (the page said so): readiness reports it.</summary>
    public void RecordBusy() => Interlocked.Exchange(ref _lastBusyTicks, clock.GetUtcNow().UtcTicks);

    private DatabaseBusyException Busy()
    {
        RecordBusy();
        return new DatabaseBusyException();
    }

    private async Task<IDisposable?> TryTakeTurnAsync(SmeDbContext db, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }

        return await _sqliteWriter.WaitAsync(wait, cancellationToken) ? new Release(_sqliteWriter) : null;
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
