using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SmePlatform.Web.Data.Providers;
using SmePlatform.Web.Data.Seeding;

namespace SmePlatform.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Registers SmeDbContext on the configured provider (docs/adr/0002).</summary>
    public static WebApplicationBuilder AddPlatformDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        // Each write's turn is taken here, below the features (WriteTurnInterceptor): on SQLite one writer at a time, in
        // order; on SQL Server everyone at once. Features see only IDatabaseWrites (the bound, the last busy write, the pause).
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<IDatabaseWrites>(provider => provider.GetRequiredService<WriteGate>());
        builder.Services.AddSingleton<WriteTurnInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, builder.Environment.ContentRootPath, options.WriteTimeout);
                // Each context (a request, a background pass) gets one connection, opened and set up when the context
                // is made and closed with it: left to EF, every query would open a pooled connection, set it up and
                // close it again, which under load cost more than many of the queries themselves.
                builder.Services.AddDbContext<SmeDbContext, SqliteSmeDbContext>((services, db) => db
                    .UseSqlite(OpenSqlite(sqlite, options.WriteTimeout), contextOwnsConnection: true)
                    .AddInterceptors(services.GetRequiredService<WriteTurnInterceptor>())
                    .ReplaceService<IRelationalTransactionFactory, TurnKeepingTransactionFactory>());
                builder.Services.AddHostedService<WalCheckpointer>();
                builder.Services.AddScoped<Applications.IApplicationNumbers, SqliteApplicationNumbers>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SmeDb is empty (see docs/operations.md).");
                }

                builder.Services.AddDbContext<SmeDbContext, SqlServerSmeDbContext>((services, db) => db
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(services.GetRequiredService<WriteTurnInterceptor>()));
                builder.Services.AddScoped<Applications.IApplicationNumbers, SqlServerApplicationNumbers>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        builder.Services.AddScoped<DemoAccountsSeeder>();
        builder.Services.AddScoped<DemoMeasuresSeeder>();
        return builder;
    }

    /// <summary>
    /// Migrates (when configured) inside the provider's execution strategy, then seeds demo accounts where allowed.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<SmeDbContext>>();

        if (options.MigrateOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer; the setting is kept in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(() => db.Database.MigrateAsync());
            logger.LogInformation("Database migrated on {Provider}", db.Database.ProviderName);
            await KeepInvoiceKeysAsync(db);
        }

        await scope.ServiceProvider.GetRequiredService<DemoAccountsSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoMeasuresSeeder>().SeedAsync();
        await db.OptimizeAsync();
    }

    /// <summary>
    /// Lines saved before their invoice key was stored (migration InvoiceKeys) get it: every save since keeps it, so
    /// this finds nothing after the first start.
    /// </summary>
    private static async Task KeepInvoiceKeysAsync(SmeDbContext db)
    {
        foreach (var line in await db.ExpenseLines.Where(e => e.InvoiceKey == null && e.InvoiceRegistrationNumber != null && e.QuoteNumber != null).ToListAsync())
        {
            db.Entry(line).Property(e => e.InvoiceKey).IsModified = true;
        }

        foreach (var line in await db.ReportLines.Where(e => e.InvoiceKey == null && e.InvoiceRegistrationNumber != null).ToListAsync())
        {
            db.Entry(line).Property(e => e.InvoiceKey).IsModified = true;
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// SQLite plans queries from the statistics ANALYZE keeps; without them it guesses (and, for the review queue,
    /// sorts thousands of rows instead of reading an index in order). <c>PRAGMA optimize</c> refreshes them where
    /// they are missing or stale, and does nothing otherwise. SQL Server keeps its statistics itself.
    /// </summary>
    public static async Task OptimizeAsync(this SmeDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
        }
    }

    /// <summary>
    /// The configured SQLite connection string, its file under the content root, with the write timeout as the
    /// commands' default timeout: Microsoft.Data.Sqlite retries a busy statement until that timeout (30 s unless set),
    /// each try waiting out SQLite's own busy timeout, so both must be bounded for a blocked write to end in time.
    /// </summary>
    private static string SqliteConnectionString(string? configured, string contentRoot, TimeSpan writeTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/smeplatform.db" : configured)
        {
            DefaultTimeout = (int)writeTimeout.TotalSeconds,
        };
        if (builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }

    /// <summary>
    /// An open connection that waits up to the write timeout (<see cref="DatabaseOptions.WriteTimeoutSeconds"/>, 5 s unless
    /// set) for the single SQLite writer instead of failing at once, with a 32 MB page cache (the default 2 MB spills a
    /// large transaction's dirty index pages before it commits), whose commits leave the checkpoint to <see cref="WalCheckpointer"/>.
    /// </summary>
    private static SqliteConnection OpenSqlite(string connectionString, TimeSpan writeTimeout)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(int)writeTimeout.TotalMilliseconds}; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = {WalCheckpointer.SafetyNetPages};");
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
