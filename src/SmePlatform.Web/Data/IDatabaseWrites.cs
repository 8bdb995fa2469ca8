namespace SmePlatform.Web.Data;

/// <summary>
/// What a feature may know of the database's writes, on any provider. Turn-taking itself is not here: the data layer
/// takes a write's turn by itself (<see cref="WriteTurnInterceptor"/>), so no feature knows whether the database has one
/// writer (SQLite) or locks rows (SQL Server).
/// </summary>
public interface IDatabaseWrites
{
    /// <summary>How long a person's write waits for the database before it fails busy (<see cref="DatabaseOptions.WriteTimeoutSeconds"/>).</summary>
    TimeSpan Bound { get; }

    /// <summary>When a person's write last failed busy; null if never.</summary>
    DateTime? LastBusyAtUtc { get; }

    /// <summary>Records that a person's write failed busy (the page said so): readiness reports it.</summary>
    void RecordBusy();

    /// <summary>
    /// For background work that follows people's writes (the integrity checks after a submission): waits until people's
    /// writes have paused, or a bounded time at most, so a burst of them keeps the machine and the work runs in the pause after it.
    /// </summary>
    Task QuietAsync(CancellationToken cancellationToken = default);
}
