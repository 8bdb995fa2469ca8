using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data;

/// <summary>
/// SQLite in WAL mode commits into a log and copies the log's pages back into the database file in a checkpoint.
/// Left to SQLite, the checkpoint runs inside a commit, once the log passes 1,000 pages: inside that writer's turn at
/// the <see cref="WriteGate"/>, so every writer queued behind it waits for the copy too. Here the connections leave it
/// to this service, which checkpoints every second beside the writers (passive: it takes no write lock and waits for
/// no one). A connection still checkpoints in its own commit past <see cref="SafetyNetPages"/>, should this fall behind.
/// </summary>
public sealed class WalCheckpointer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>How often the log is copied back.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>The log's size (pages of 4 KB) at which a committing connection checkpoints by itself after all.</summary>
    public const int SafetyNetPages = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(stoppingToken);
            }
            catch (SqliteException exception)
            {
                // Nothing is lost: the pages stay in the log, and the next tick (or a commit past the safety net) copies them.
                logger.LogWarning(exception, "WAL checkpoint failed");
            }
        }
    }

    /// <summary>One passive checkpoint: the pages in the log, and how many of them are now in the database file.</summary>
    public async Task<(int LogPages, int Checkpointed)> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<SmeDbContext>().Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(1), reader.GetInt32(2));
    }
}
