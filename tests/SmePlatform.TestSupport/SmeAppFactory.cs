using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.TestSupport;

/// <summary>
/// The portal as the tests see it: the "Testing" environment, real migrations, demo accounts seeded, mail
/// written to a folder of its own. The database comes from configuration: by default a fresh SQLite file;
/// set SMEPLATFORM_TEST_DB_PROVIDER=SqlServer and SMEPLATFORM_TEST_DB_CONNECTION to run the same suite on
/// SQL Server, where each factory makes (and drops) a database of its own (docs/operations.md).
/// </summary>
public class SmeAppFactory : WebApplicationFactory<Program>
{
    public const int AuthenticationPermitLimit = 40;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "smeplatform-tests", Guid.NewGuid().ToString("N"));
    private readonly string _provider = Environment.GetEnvironmentVariable("SMEPLATFORM_TEST_DB_PROVIDER") ?? nameof(DatabaseProvider.Sqlite);

    public SmeAppFactory()
    {
        Directory.CreateDirectory(_root);
        Mailbox = new Mailbox(Path.Combine(_root, "mail"));
        ConnectionString = _provider == nameof(DatabaseProvider.SqlServer)
            ? new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable("SMEPLATFORM_TEST_DB_CONNECTION"))
            {
                InitialCatalog = $"SmePlatformTests_{Guid.NewGuid():N}",
            }.ToString()
            : $"Data Source={Path.Combine(_root, "sme.db")}";
    }

    public Mailbox Mailbox { get; }

    /// <summary>Every log event of the app (Serilog reads sinks registered as services).</summary>
    public LogCollector Logs { get; } = new();

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:SmeDb", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:DemoAccounts", "true");
        builder.UseSetting("Seed:DemoMeasures", "true");
        builder.UseSetting("Email:Delivery", "PickupFolder");
        builder.UseSetting("Email:PickupFolder", Mailbox.Folder);
        builder.UseSetting("RateLimiting:Authentication:PermitLimit", AuthenticationPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Information and above: what production writes.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Serilog:WriteTo:0:Name", "Console");
        builder.UseSetting("Serilog:WriteTo:0:Args:restrictedToMinimumLevel", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
    }

    /// <summary>A browser-like client: cookies kept, redirects followed by <see cref="PortalClient"/> itself.</summary>
    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a confirmed account directly (no journey), optionally with staff roles and an authenticator key.</summary>
    public async Task<TestUser> CreateUserAsync(string[]? roles = null, bool twoFactor = false, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email ?? $"user-{Guid.NewGuid():N}@test.example.jp",
            Email = email ?? $"user-{Guid.NewGuid():N}@test.example.jp",
            EmailConfirmed = true,
            DisplayName = "試験 利用者",
            CreatedAtUtc = DateTime.UtcNow,
        };
        user.Email = user.UserName;
        Check(await users.CreateAsync(user, TestUser.DefaultPassword));
        if (roles is { Length: > 0 })
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        string? key = null;
        if (twoFactor)
        {
            key = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestUser(user.Id, user.Email, TestUser.DefaultPassword, key);
    }

    /// <summary>A client signed in as a new user with these staff roles (and the second factor staff need).</summary>
    public async Task<PortalClient> CreateSignedInStaffClientAsync(params string[] roles)
    {
        var user = await CreateUserAsync(roles, twoFactor: true);
        var client = CreatePortalClient();
        await client.SignInAsync(user);
        return client;
    }

    /// <summary>A business owned by <paramref name="owner"/>: a manufacturer (E 09) with 12 employees and ¥10m capital.</summary>
    public async Task<Business> CreateBusinessAsync(TestUser owner, bool verified = false, string? corporateNumber = null)
    {
        var now = DateTime.UtcNow;
        var business = new Business
        {
            LegalForm = Domain.Businesses.LegalForm.Corporation,
            CorporateNumber = corporateNumber ?? NewCorporateNumber(),
            Name = "テスト工業株式会社",
            NameKana = "テストコウギョウカブシキガイシャ",
            Verification = verified ? VerificationState.Verified : VerificationState.Unverified,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            CapitalYen = 10_000_000,
            IndustryMajor = "E",
            IndustryMiddle = "09",
            RegularEmployees = 12,
            Members = [new BusinessMember { UserId = owner.Id, Role = MemberRole.Owner, CanSubmit = true, JoinedAtUtc = now }],
        };
        await WithDbAsync(async db =>
        {
            db.Businesses.Add(business);
            return await db.SaveChangesAsync();
        });
        return business;
    }

    /// <summary>A new owner, their business, and a client signed in as them.</summary>
    public async Task<(PortalClient Client, TestUser Owner, Business Business)> CreateOwnerClientAsync()
    {
        var owner = await CreateUserAsync();
        var business = await CreateBusinessAsync(owner);
        var client = CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, owner, business);
    }

    /// <summary>Makes <paramref name="user"/> a Member (not Owner) of the business.</summary>
    public async Task<BusinessMember> AddMemberAsync(Business business, TestUser user, bool canSubmit = false)
    {
        var member = new BusinessMember { BusinessId = business.Id, UserId = user.Id, Role = MemberRole.Member, CanSubmit = canSubmit, JoinedAtUtc = DateTime.UtcNow };
        await WithDbAsync(async db =>
        {
            db.BusinessMembers.Add(member);
            return await db.SaveChangesAsync();
        });
        return member;
    }

    /// <summary>A corporate number no test has used, with a valid check digit.</summary>
    public static string NewCorporateNumber()
    {
        var twelve = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return $"{Domain.Businesses.CorporateNumber.CheckDigit(twelve)}{twelve}";
    }

    /// <summary>Runs work against the database the app uses.</summary>
    public async Task<T> WithDbAsync<T>(Func<SmeDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SmeDbContext>());
    }

    /// <summary>Adds a measure with the given status straight to the database, and tells the catalogue.</summary>
    public async Task<SupportMeasure> CreateMeasureAsync(MeasureStatus status, string? slug = null)
    {
        var now = DateTime.UtcNow;
        var measure = new SupportMeasure
        {
            Slug = slug ?? $"test-{Guid.NewGuid():N}"[..30],
            TitleJa = "テスト用の支援策",
            TitleEn = "A measure for the tests",
            SummaryJa = "テストのための支援策です。",
            SummaryEn = "A measure made by the tests.",
            BodyJa = "本文",
            BodyEn = "Body",
            AgencyJa = "テスト庁",
            AgencyEn = "Test Agency",
            Kind = MeasureKind.Subsidy,
            Status = status,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            PublishedAtUtc = status == MeasureStatus.Published ? now : null,
            Purposes = [new MeasurePurpose { Purpose = Purpose.ItDx }],
        };
        measure.RefreshSearchText();
        await WithDbAsync(async db =>
        {
            db.SupportMeasures.Add(measure);
            return await db.SaveChangesAsync();
        });
        Services.GetRequiredService<CatalogueIndex>().Invalidate();
        return measure;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _provider == nameof(DatabaseProvider.SqlServer))
        {
            WithDbAsync(db => db.Database.EnsureDeletedAsync()).GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
        if (disposing)
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}

public sealed record TestUser(string Id, string Email, string Password, string? AuthenticatorKey)
{
    public const string DefaultPassword = "test-password-for-the-suite";

    /// <summary>The current code of the user's authenticator app.</summary>
    public string CurrentCode() => Totp.CodeFor(AuthenticatorKey ?? throw new InvalidOperationException("No authenticator key."));
}

public static class Totp
{
    public static string CodeFor(string base32Key) => new OtpNet.Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}
