using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.TestSupport;

/// <summary>
/// The data the tests make in a portal (<see cref="SmeAppFactory"/>, which only hosts it): people, businesses, measures,
/// benchmarks, and applications (<see cref="ApplicationBuilder"/>, through the product). Called as the factory's own:
/// <c>await factory.CreateBusinessAsync(owner)</c>.
/// </summary>
public static class PortalData
{
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

    /// <summary>A corporate number no test has used, with a valid check digit.</summary>
    public static string NewCorporateNumber()
    {
        var twelve = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + Random.Shared.Next(10))));
        return $"{Domain.Businesses.CorporateNumber.CheckDigit(twelve)}{twelve}";
    }

    /// <summary>Creates a confirmed account directly (no journey), optionally with staff roles and an authenticator key.</summary>
    public static async Task<TestUser> CreateUserAsync(this SmeAppFactory factory, string[]? roles = null, bool twoFactor = false, string? email = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
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
    public static async Task<PortalClient> CreateSignedInStaffClientAsync(this SmeAppFactory factory, params string[] roles)
    {
        var user = await factory.CreateUserAsync(roles, twoFactor: true);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(user);
        return client;
    }

    /// <summary>A business owned by <paramref name="owner"/>: a manufacturer (E 09) with 12 employees and ¥10m capital.</summary>
    public static async Task<Business> CreateBusinessAsync(this SmeAppFactory factory, TestUser owner, bool verified = false, string? corporateNumber = null)
    {
        var now = DateTime.UtcNow;
        var declared = new ChangeSource(ProfileSource.SelfDeclared, owner.Id, now);
        var business = Business.Register(Domain.Businesses.LegalForm.Corporation, corporateNumber ?? NewCorporateNumber(), "テスト工業株式会社", "テストコウギョウカブシキガイシャ", declared);
        business.Change(draft => (draft.CapitalYen, draft.IndustryMajor, draft.IndustryMiddle, draft.RegularEmployees) = (10_000_000, "E", "09", 12), declared);
        if (verified)
        {
            business.Verify(VerificationEvidence.RegistryCertificate, declared with { Kind = ProfileSource.VerifiedByStaff });
        }

        await factory.WithDbAsync(async db =>
        {
            db.Businesses.Add(business);
            return await db.SaveChangesAsync();
        });
        return business;
    }

    /// <summary>Gives a business every basic the demo application forms take (address, representative, contact, founding date).</summary>
    public static Task<int> CompleteProfileAsync(this SmeAppFactory factory, int businessId) =>
        factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == businessId).ExecuteUpdateAsync(s => s
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
    public static async Task<(PortalClient Client, TestUser Owner, Business Business)> CreateOwnerClientAsync(this SmeAppFactory factory)
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, owner, business);
    }

    /// <summary>Makes <paramref name="user"/> a Member (not Owner) of the business.</summary>
    public static async Task<BusinessMember> AddMemberAsync(this SmeAppFactory factory, Business business, TestUser user, bool canSubmit = false)
    {
        var member = new BusinessMember { BusinessId = business.Id, UserId = user.Id, Role = MemberRole.Member, CanSubmit = canSubmit, JoinedAtUtc = DateTime.UtcNow };
        await factory.WithDbAsync(async db =>
        {
            db.BusinessMembers.Add(member);
            return await db.SaveChangesAsync();
        });
        return member;
    }

    /// <summary>
    /// Loads <see cref="TestThresholds"/> for <paramref name="industry"/> (what an administrator does with the published
    /// values), and rank cut-offs of 24/18/12 where none are loaded; what is already there stays.
    /// </summary>
    public static Task<int> PublishBenchmarksAsync(this SmeAppFactory factory, string industry) =>
        factory.WithDbAsync(async db =>
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

    /// <summary>Adds a measure with the given status straight to the database, and tells the catalogue.</summary>
    public static async Task<SupportMeasure> CreateMeasureAsync(this SmeAppFactory factory, MeasureStatus status, string? slug = null)
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
        await factory.WithDbAsync(async db =>
        {
            db.SupportMeasures.Add(measure);
            return await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();
        return measure;
    }

    /// <summary>An application of <paramref name="business"/>, begun by <paramref name="applicant"/>, to take on through the product.</summary>
    public static ApplicationBuilder Application(this SmeAppFactory factory, Business business, TestUser applicant, string measureSlug = "monozukuri-2026") =>
        new(factory, business.Id, applicant.Id, measureSlug);

    /// <summary>An application already made (by a builder or a page), to take further on through the product.</summary>
    public static async Task<ApplicationBuilder> ApplicationOfAsync(this SmeAppFactory factory, int applicationId)
    {
        var (businessId, applicantId) = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId)
            .Select(a => new ValueTuple<int, string>(a.BusinessId, a.CreatedByUserId)).SingleAsync());
        return new ApplicationBuilder(factory, businessId, applicantId, applicationId);
    }

    /// <summary>
    /// A draft of <paramref name="business"/> for a demo measure; with <paramref name="returnedForCorrection"/>, one
    /// that was filled in with valid answers, a PDF and an expense line, submitted, taken into review and returned: it
    /// has a receipt and every step is editable.
    /// </summary>
    public static async Task<int> CreateApplicationAsync(
        this SmeAppFactory factory, Business business, TestUser user, bool returnedForCorrection = false, string measureSlug = "monozukuri-2026") =>
        returnedForCorrection
            ? await factory.Application(business, user, measureSlug).Filled().Submitted().UnderReview().Returned()
            : await factory.Application(business, user, measureSlug);

    /// <summary>
    /// An owner of a verified business with every basic filled in (<see cref="CompleteProfileAsync"/>), and one
    /// application of it submitted and returned for correction (see <see cref="CreateApplicationAsync"/>): one that
    /// claims its expense line, as the integrity checks and the performance report need.
    /// </summary>
    public static async Task<(TestUser Owner, Business Business, int ApplicationId)> CreateApplicantAsync(this SmeAppFactory factory)
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        return (owner, business, await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true));
    }

    /// <summary>
    /// Takes a submitted or returned application (see <see cref="CreateApplicationAsync"/>) through the product to the grant
    /// decision: resubmitted (if returned), taken into review, selected and granted <paramref name="grantedYen"/>.
    /// </summary>
    public static async Task<int> GrantAsync(this SmeAppFactory factory, int applicationId, long grantedYen)
    {
        var status = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
        var builder = await factory.ApplicationOfAsync(applicationId);
        return await (status == Domain.Applications.ApplicationStatus.ReturnedForCorrection ? builder.Resubmitted() : builder)
            .UnderReview().Selected().Granted(grantedYen);
    }

    /// <summary>
    /// Puts the project period of applications around today (the fixture's is in 2027): a performance report's invoices
    /// are dated on or before today in Japan and within the period, so the report tests need a project under way.
    /// </summary>
    public static Task<int> SetProjectPeriodAsync(this SmeAppFactory factory, DateOnly start, DateOnly end, params int[] applicationIds) =>
        factory.WithDbAsync(db => db.Applications.Where(a => applicationIds.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectStart, start).SetProperty(a => a.ProjectEnd, end)));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
