using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Applications;
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
        var declared = new ChangeSource(ProfileSource.SelfDeclared, owner.Id, now);
        var business = Business.Register(Domain.Businesses.LegalForm.Corporation, corporateNumber ?? NewCorporateNumber(), "テスト工業株式会社", "テストコウギョウカブシキガイシャ", declared);
        business.Change(draft => (draft.CapitalYen, draft.IndustryMajor, draft.IndustryMiddle, draft.RegularEmployees) = (10_000_000, "E", "09", 12), declared);
        if (verified)
        {
            business.Verify(VerificationEvidence.RegistryCertificate, declared with { Kind = ProfileSource.VerifiedByStaff });
        }

        await WithDbAsync(async db =>
        {
            db.Businesses.Add(business);
            return await db.SaveChangesAsync();
        });
        return business;
    }

    /// <summary>Gives a business every basic the demo application forms take (address, representative, contact, founding date).</summary>
    public Task<int> CompleteProfileAsync(int businessId) =>
        WithDbAsync(db => db.Businesses.Where(b => b.Id == businessId).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.PostalCode, "1000013")
            .SetProperty(b => b.PrefectureCode, "13")
            .SetProperty(b => b.City, "千代田区")
            .SetProperty(b => b.Street, "霞が関1-3-1")
            .SetProperty(b => b.RepresentativeName, "中小 太郎")
            .SetProperty(b => b.RepresentativeTitle, "代表取締役")
            .SetProperty(b => b.Phone, "0312345678")
            .SetProperty(b => b.Email, "info@example.jp")
            .SetProperty(b => b.FoundedOn, new DateOnly(2001, 4, 1))));

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

    /// <summary>The thresholds <see cref="PublishBenchmarksAsync"/> loads: a plausible shape, test data, not METI's values.</summary>
    public static readonly IReadOnlyDictionary<Domain.SelfCheck.Indicator, Domain.SelfCheck.Thresholds> TestThresholds = new Dictionary<Domain.SelfCheck.Indicator, Domain.SelfCheck.Thresholds>
    {
        [Domain.SelfCheck.Indicator.SalesGrowth] = new(-5, 0, 5, 10),
        [Domain.SelfCheck.Indicator.OperatingMargin] = new(0, 2, 4, 8),
        [Domain.SelfCheck.Indicator.LabourProductivity] = new(0, 500, 1500, 3000),
        [Domain.SelfCheck.Indicator.EbitdaDebtRatio] = new(2, 5, 10, 15),
        [Domain.SelfCheck.Indicator.WorkingCapitalPeriod] = new(0.5m, 1, 2, 3),
        [Domain.SelfCheck.Indicator.EquityRatio] = new(0, 10, 30, 50),
    };

    public const string TestThresholdsSource = "試験用の基準値（テストデータ） / Thresholds for the tests (test data)";

    /// <summary>
    /// Loads <see cref="TestThresholds"/> for <paramref name="industry"/> (what an administrator does with the published
    /// values), and rank cut-offs of 24/18/12 where none are loaded; what is already there stays.
    /// </summary>
    public Task<int> PublishBenchmarksAsync(string industry) =>
        WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var (indicator, t) in TestThresholds)
            {
                if (!await db.BenchmarkThresholds.AnyAsync(r => r.Industry == industry && r.Indicator == indicator))
                {
                    db.BenchmarkThresholds.Add(new Web.Data.SelfCheck.BenchmarkThreshold
                    {
                        Industry = industry,
                        Indicator = indicator,
                        T1 = t.T1,
                        T2 = t.T2,
                        T3 = t.T3,
                        T4 = t.T4,
                        Source = TestThresholdsSource,
                        PublishedOn = new DateOnly(2026, 4, 1),
                        Version = 1,
                        UpdatedAtUtc = now,
                    });
                }
            }

            if (!await db.BenchmarkRankCutoffs.AnyAsync())
            {
                db.BenchmarkRankCutoffs.Add(new Web.Data.SelfCheck.BenchmarkRankCutoffs
                {
                    A = 24,
                    B = 18,
                    C = 12,
                    Source = TestThresholdsSource,
                    PublishedOn = new DateOnly(2026, 4, 1),
                    Version = 1,
                    UpdatedAtUtc = now,
                });
            }

            return await db.SaveChangesAsync();
        });

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

    /// <summary>
    /// A draft of <paramref name="business"/> for a demo measure; with <paramref name="returnedForCorrection"/>, one
    /// that was filled in with valid answers, a PDF and an expense line, submitted, and returned: it has a receipt
    /// and every step is editable.
    /// </summary>
    public async Task<int> CreateApplicationAsync(Business business, TestUser user, bool returnedForCorrection = false, string measureSlug = "monozukuri-2026")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<ApplicationStore>();
        var measure = await db.SupportMeasures.AsNoTracking().FirstAsync(m => m.Slug == measureSlug);
        var draft = await store.StartAsync(business.Id, measure, (await store.CurrentFormAsync(measure.Id))!, user.Id);
        if (!returnedForCorrection)
        {
            return draft.Id;
        }

        var file = (await store.LoadAsync(business.Id, draft.Id, tracked: true))!;
        foreach (var field in file.Form.Fields)
        {
            if (field.Kind == FieldKind.File)
            {
                store.Attach(file.Application, field.Key, "計画書.pdf", SampleFiles.Pdf(), user.Id);
            }
            else
            {
                store.SetAnswers(file.Application, new Dictionary<string, string?> { [field.Key] = Web.Data.Generation.ApplicationGenerator.SampleAnswer(field) });
            }
        }

        // Under the measure's first track (an applicant must choose one where its terms have tracks), asking ¥1,000,000
        // or, where the terms allow less for this business, as much as they allow.
        store.SetTerms(file.Application, measure.Terms.Tracks.Count > 0 ? measure.Terms.Tracks[0].Key : null, []);
        var engine = scope.ServiceProvider.GetRequiredService<Domain.Eligibility.EligibilityEngine>();
        var limit = file.TermsFor(engine.Classify(file.Business.Facts).Class, file.Business.RegularEmployees).Outcome.Applied?.Limit(3_000_000);
        store.SetExpenses(file.Application, new DateOnly(2027, 1, 4), new DateOnly(2027, 9, 30), Math.Min(1_000_000, limit ?? long.MaxValue),
            [new Web.Data.Applications.ExpenseLine { Category = "Machinery", Description = "NC旋盤", Vendor = "株式会社サンプル機械", InvoiceRegistrationNumber = "T7000012050002", QuoteNumber = "Q-1", AmountYen = 3_000_000 }]);
        await store.SaveAsync();
        await scope.ServiceProvider.GetRequiredService<ApplicationSubmitter>().SubmitAsync(file, file.Application.Version, Guid.NewGuid().ToString("N"), user.Id);
        // Returned as a reviewer returns it (tracked, so the dashboard's change counter sees it), without the notices.
        var application = file.Application;
        db.ApplicationTransitions.Add(new Web.Data.Applications.ApplicationTransition
        {
            ApplicationId = application.Id,
            From = application.Status,
            To = ApplicationStatus.ReturnedForCorrection,
            AtUtc = DateTime.UtcNow,
            ByUserId = user.Id,
        });
        (application.Status, application.WasReturned) = (ApplicationStatus.ReturnedForCorrection, true);
        application.Version++;
        await db.SaveChangesAsync();
        return draft.Id;
    }

    /// <summary>
    /// An owner of a verified business with every basic filled in (<see cref="CompleteProfileAsync"/>), and one
    /// application of it submitted and returned for correction (see <see cref="CreateApplicationAsync"/>): one that
    /// claims its expense line, as the integrity checks and the performance report need.
    /// </summary>
    public async Task<(TestUser Owner, Business Business, int ApplicationId)> CreateApplicantAsync()
    {
        var owner = await CreateUserAsync();
        var business = await CreateBusinessAsync(owner, verified: true);
        await CompleteProfileAsync(business.Id);
        return (owner, business, await CreateApplicationAsync(business, owner, returnedForCorrection: true));
    }

    /// <summary>
    /// Takes a submitted application (see <see cref="CreateApplicationAsync"/>) through review to the grant decision, as
    /// the workspace would record it (tracked: its transitions, the decision instant, the amount).
    /// </summary>
    public Task<int> GrantAsync(int applicationId, long grantedYen) =>
        WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var steps = application.Status == ApplicationStatus.ReturnedForCorrection
                ? new[] { ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview, ApplicationStatus.Selected, ApplicationStatus.GrantDecided }
                : [ApplicationStatus.UnderReview, ApplicationStatus.Selected, ApplicationStatus.GrantDecided];
            foreach (var to in steps)
            {
                db.ApplicationTransitions.Add(new Web.Data.Applications.ApplicationTransition { ApplicationId = applicationId, From = application.Status, To = to, AtUtc = DateTime.UtcNow, ByUserId = "test" });
                application.Status = to;
            }

            (application.GrantedYen, application.DecidedAtUtc) = (grantedYen, DateTime.UtcNow);
            application.Version++;
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// Puts the project period of applications around today (the fixture's is in 2027): a performance report's invoices
    /// are dated on or before today in Japan and within the period, so the report tests need a project under way.
    /// </summary>
    public Task<int> SetProjectPeriodAsync(DateOnly start, DateOnly end, params int[] applicationIds) =>
        WithDbAsync(db => db.Applications.Where(a => applicationIds.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectStart, start).SetProperty(a => a.ProjectEnd, end)));

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
