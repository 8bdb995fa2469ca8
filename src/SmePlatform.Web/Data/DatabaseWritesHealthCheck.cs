using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmePlatform.Web.Data;

/// <summary>
/// Readiness of writes, beside the database check (which only reads): Degraded when a write cannot get through now, so
/// a load balancer or an operator sees what people see. On SQLite it tries one: a turn at the <see cref="WriteGate"/>
/// and SQLite's write lock (<c>BEGIN IMMEDIATE</c>, rolled back at once), each within <see cref="ProbeWait"/>. On SQL
/// Server, which has no single writer to try, it reports whether a person's write timed out in the last
/// <see cref="RecentBusy"/>. Degraded, not Unhealthy: reading still works, and the pages say to try again.
/// </summary>
public sealed class DatabaseWritesHealthCheck(SmeDbContext db, WriteGate gate, TimeProvider clock) : IHealthCheck
{
    public const string Name = "database-writes";

    /// <summary>How long the probe waits for each of the turn and the lock.</summary>
    public static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(1);

    /// <summary>On SQL Server, how long after a person's write timed out readiness stays Degraded.</summary>
    public static readonly TimeSpan RecentBusy = TimeSpan.FromSeconds(30);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return gate.LastBusyAtUtc is { } busy && clock.GetUtcNow().UtcDateTime - busy < RecentBusy
                ? HealthCheckResult.Degraded("A write timed out waiting for the database in the last 30 seconds.")
                : HealthCheckResult.Healthy();
        }

        using var turn = await gate.TryEnterAsync(db, ProbeWait, cancellationToken);
        if (turn is null)
        {
            return HealthCheckResult.Degraded("Writes are queued in the process: none got its turn within a second.");
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var probe = connection.CreateCommand();
        probe.CommandTimeout = (int)ProbeWait.TotalSeconds;
        probe.CommandText = $"PRAGMA busy_timeout = {(int)ProbeWait.TotalMilliseconds};";
        await probe.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            probe.CommandText = "BEGIN IMMEDIATE;";
            await probe.ExecuteNonQueryAsync(cancellationToken);
            probe.CommandText = "ROLLBACK;";
            await probe.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (SqliteException exception) when (DatabaseBusy.Is(exception))
        {
            return HealthCheckResult.Degraded("The database's write lock is held elsewhere: no write got it within a second.");
        }
    }
}
