namespace SmePlatform.Web.Data;

/// <summary>The <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "SmeDb";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (default true in Development, see appsettings).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// How long a person's write waits for its turn — in the process (<see cref="WriteGate"/>) and for the database's
    /// lock (SQLite's busy timeout) — before they are told the service is busy (503 with Retry-After). Whole seconds, at least 1.
    /// </summary>
    public int WriteTimeoutSeconds { get; set; } = 5;

    /// <summary><see cref="WriteTimeoutSeconds"/> as a span, at least a second.</summary>
    public TimeSpan WriteTimeout => TimeSpan.FromSeconds(Math.Max(1, WriteTimeoutSeconds));
}
