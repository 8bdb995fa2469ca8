using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data;

/// <summary>
/// SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries (the busy timeout), in
/// growing steps, so under concurrent submissions some wait far longer than the queue ahead of them. Hot write paths
/// pass through this gate first: on SQLite they take turns in the process, in order, and find the lock free; on SQL
/// Server, which locks rows, the gate lets everyone through.
/// </summary>
public sealed class WriteGate : IDisposable
{
    /// <summary>How long writes must have paused before background work goes on.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest background work waits for a pause: it is delayed, never starved.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private long _lastEntryTicks = long.MinValue / 2;

    public async Task<IDisposable> EnterAsync(SmeDbContext db, CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _lastEntryTicks, Environment.TickCount64);
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Release(_sqliteWriter);
    }

    /// <summary>
    /// For background work that follows people's writes (the integrity checks after a submission): waits until no
    /// write has passed the gate for <see cref="Quiet"/>, or <see cref="LongestWait"/> at most, so a burst of
    /// submissions keeps the machine for itself and the checks run in the pause after it.
    /// </summary>
    public async Task QuietAsync(TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var started = Environment.TickCount64;
        while (Environment.TickCount64 - Volatile.Read(ref _lastEntryTicks) < Quiet.TotalMilliseconds
            && Environment.TickCount64 - started < LongestWait.TotalMilliseconds)
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
