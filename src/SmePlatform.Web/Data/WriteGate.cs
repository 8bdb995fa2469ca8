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
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<IDisposable> EnterAsync(SmeDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return Open.Instance;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Release(_sqliteWriter);
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
