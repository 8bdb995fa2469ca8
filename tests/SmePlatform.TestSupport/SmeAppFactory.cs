using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SmePlatform.Web.Data;

namespace SmePlatform.TestSupport;

/// <summary>
/// The portal as the tests see it: the "Testing" environment, real migrations, demo accounts seeded, mail
/// written to a folder of its own. The database comes from configuration: by default a fresh SQLite file;
/// set SMEPLATFORM_TEST_DB_PROVIDER=SqlServer and SMEPLATFORM_TEST_DB_CONNECTION to run the same suite on
/// SQL Server, where each factory makes (and drops) a database of its own (docs/operations.md). It only hosts: the
/// tests' data (people, businesses, measures, applications) is made through the product by <see cref="PortalData"/> and
/// <see cref="ApplicationBuilder"/>.
/// </summary>
public class SmeAppFactory : WebApplicationFactory<Program>
{
    public const int AuthenticationPermitLimit = 40;

    private readonly string _root;
    private readonly string _provider = Environment.GetEnvironmentVariable("SMEPLATFORM_TEST_DB_PROVIDER") ?? nameof(DatabaseProvider.Sqlite);

    /// <summary>Set when a restart (<see cref="Restart"/>) takes over the files: disposing this one leaves them.</summary>
    private bool _filesHandedOn;

    public SmeAppFactory()
        : this(null)
    {
    }

    /// <summary>A new portal on its own files, or — <paramref name="before"/> given — on those of one stopped before it.</summary>
    private SmeAppFactory(SmeAppFactory? before)
    {
        _root = before?._root ?? Path.Combine(Path.GetTempPath(), "smeplatform-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        Mailbox = new Mailbox(Path.Combine(_root, "mail"));
        ConnectionString = before?.ConnectionString ?? (_provider == nameof(DatabaseProvider.SqlServer)
            ? new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SMEPLATFORM_TEST_DB_CONNECTION"))
            {
                InitialCatalog = $"SmePlatformTests_{Guid.NewGuid():N}",
            }.ToString()
            : $"Data Source={Path.Combine(_root, "sme.db")}");
    }

    /// <summary>The host environment: "Testing" unless a test needs another (Production, to test what only it does).</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Settings of a test's own, over the suite's (<c>Section:Key</c> → value).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Changes to the app's services, made after the app registered its own (a hosted service removed, a sender replaced).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>
    /// The portal started again on this one's database and mailbox, as after a crash or a restart: dispose this one, then
    /// use the one returned (its host starts on first use). The files are removed when the last one is disposed.
    /// </summary>
    public SmeAppFactory Restart(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _filesHandedOn = true;
        return new SmeAppFactory(this) { EnvironmentName = EnvironmentName, Settings = settings ?? Settings, TestServices = services };
    }

    public Mailbox Mailbox { get; }

    /// <summary>
    /// The portal's public address, which every link in its emails starts with (the <c>PublicBaseUrl</c> setting); null
    /// leaves it unset, so links use the address the portal listens on (the browser tests' Kestrel port).
    /// </summary>
    public string? PublicBaseUrl { get; init; } = "https://portal.test.example.jp";

    /// <summary>Every log event of the app (Serilog reads sinks registered as services).</summary>
    public LogCollector Logs { get; } = new();

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:SmeDb", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Seed:DemoMeasures", "true");
        builder.UseSetting("Email:Delivery", "PickupFolder");
        builder.UseSetting("Email:PickupFolder", Mailbox.Folder);
        if (PublicBaseUrl is not null)
        {
            builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        }

        builder.UseSetting("RateLimiting:Authentication:PermitLimit", AuthenticationPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Every test client comes from the same (unknown) address and they all share the portal: the ceilings of failed
        // sign-ins per address and for everyone are out of their way here (SignInThrottlingTests has a portal of its own).
        builder.UseSetting("SignInThrottling:Address:Limit", "100000");
        builder.UseSetting("SignInThrottling:Global:Limit", "100000");
        // Information and above: what production writes.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Serilog:WriteTo:0:Name", "Console");
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        if (TestServices is { } changes)
        {
            builder.ConfigureTestServices(changes);
        }
    }

    /// <summary>A browser-like client: cookies kept, redirects followed by <see cref="PortalClient"/> itself.</summary>
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>
    /// Delivers the outbox until none of the messages <paramref name="which"/> picks is pending, whichever dispatcher
    /// takes each one: the hosted dispatcher runs too, and a call that races it stops at the first message it finds
    /// delivered, or skips the emails the other has claimed, leaving them to it or to a later round.
    /// </summary>
    public async Task DeliverOutboxAsync(System.Linq.Expressions.Expression<Func<Web.Data.Messaging.OutboxMessage, bool>> which)
    {
        var dispatcher = Services.GetRequiredService<Web.Features.Notices.OutboxDispatcher>();
        for (var tries = 0; tries < 50 && await WithDbAsync(db => db.OutboxMessages.Where(m => m.SentAtUtc == null).AnyAsync(which)); tries++)
        {
            await dispatcher.DispatchPendingAsync();
            await Task.Delay(100);
        }
    }

    /// <summary>Runs work against the database the app uses.</summary>
    public async Task<T> WithDbAsync<T>(Func<SmeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SmeDbContext>());
    }

    /// <summary>Today in Japan moved by <paramref name="days"/> (the app's clock is the system's).</summary>
    public static DateOnly JapanToday(int days = 0) => Domain.Time.JapanTime.DateOf(DateTime.UtcNow).AddDays(days);

    /// <summary><see cref="JapanToday"/> as a date input sends it: <c>yyyy-MM-dd</c>.</summary>
    public static string JapanDay(int days = 0) => JapanToday(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _provider == nameof(DatabaseProvider.SqlServer) && !_filesHandedOn)
        {
            WithDbAsync(db => db.Database.EnsureDeletedAsync()).GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
        if (disposing && _filesHandedOn)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        else if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on shutdown is left to the temp folder's own cleaning.
            }
        }
    }
}

public sealed record TestUser(string Id, string Email, string Password, string? AuthenticatorKey)
{
    public const string DefaultPassword = "test-password-for-the-suite";

    /// <summary>The current code of the user's authenticator app.</summary>
    public string CurrentCode() => Totp.CodeFor(AuthenticatorKey ?? throw new InvalidOperationException("No authenticator key."));
}

/// <summary>
/// Authenticator codes as a phone app shows them. The portal accepts each code once (a later time step than the last
/// one accepted for the person), within two 30-second steps either side of now; so each code handed out here is for a
/// step not handed out before for that key: now, or the next one, or the one after. A fourth code for the same key within
/// half a minute waits for the next step (the demo staff share one key, so they share the count too).
/// </summary>
public static class Totp
{
    private static readonly Dictionary<string, long> LastStepHandedOut = new(StringComparer.Ordinal);

    public static string CodeFor(string base32Key)
    {
        var key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(key));
        while (true)
        {
            lock (LastStepHandedOut)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var step = Math.Max(now, LastStepHandedOut.GetValueOrDefault(key) + 1);
                if (step <= now + 2)
                {
                    LastStepHandedOut[key] = step;
                    return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
                }
            }

            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }
}
