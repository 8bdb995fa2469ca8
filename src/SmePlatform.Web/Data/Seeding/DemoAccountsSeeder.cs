using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Data.Seeding;

/// <summary>
/// Creates the demo accounts when <c>Seed:DemoAccounts</c> is true, and the demo business their owner and member
/// belong to (a fictitious company, confirmed). Idempotent: an existing account or business is left as it is.
/// Never runs in Production, whatever the setting says.
/// </summary>
public sealed class DemoAccountsSeeder(
    SmeDbContext db,
    UserManager<ApplicationUser> userManager,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoAccountsSeeder> logger)
{
    public async Task SeedAsync()
    {
        if (!configuration.GetValue<bool>("Seed:DemoAccounts") || environment.IsProduction())
        {
            return;
        }

        var created = 0;
        foreach (var account in DemoAccounts.All)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            Check(await userManager.CreateAsync(user, DemoAccounts.Password));
            if (account.IsStaff)
            {
                Check(await userManager.AddToRolesAsync(user, account.Roles));
                Check(await userManager.SetAuthenticationTokenAsync(
                    user, "[AspNetUserStore]", "AuthenticatorKey", DemoAccounts.StaffAuthenticatorKey));
                Check(await userManager.SetTwoFactorEnabledAsync(user, true));
            }

            created++;
        }

        if (created > 0)
        {
            logger.LogInformation("Seeded {Count} demo accounts", created);
        }

        await SeedDemoBusinessAsync();
    }

    /// <summary>The fictitious 株式会社デモ精機 (corporate number 8000000000001, check digit valid), owned by the demo owner.</summary>
    private async Task SeedDemoBusinessAsync()
    {
        const string corporateNumber = "8000000000001";
        if (await db.Businesses.AnyAsync(b => b.CorporateNumber == corporateNumber))
        {
            return;
        }

        var owner = await userManager.FindByEmailAsync(DemoAccounts.OwnerEmail);
        var member = await userManager.FindByEmailAsync(DemoAccounts.MemberEmail);
        var now = clock.GetUtcNow().UtcDateTime;
        // Registered, verified and filled in through the business, as the owner and a reviewer would: its history shows it.
        var declared = new ChangeSource(ProfileSource.SelfDeclared, owner!.Id, now);
        var business = Business.Register(LegalForm.Corporation, corporateNumber, "株式会社デモ精機", "カブシキガイシャデモセイキ", declared);
        business.Verify(VerificationEvidence.RegistryCertificate, declared with { Kind = ProfileSource.VerifiedByStaff });
        business.Change(
            draft =>
            {
                (draft.PostalCode, draft.PrefectureCode, draft.City, draft.Street) = ("1000001", "13", "千代田区", "千代田1-1 デモビル3階");
                (draft.RepresentativeName, draft.RepresentativeTitle, draft.Phone, draft.Email) = ("事業 さくら", "代表取締役", "0300000000", "info@demo-seiki.example.jp");
                (draft.CapitalYen, draft.FoundedOn, draft.FiscalYearEndMonth) = (10_000_000, new DateOnly(2015, 4, 1), 3);
                (draft.IndustryMajor, draft.IndustryMiddle, draft.RegularEmployees) = ("E", "26", 12);
                draft.SetPurposes([Purpose.EquipmentInvestment, Purpose.ItDx]);
            },
            declared);

        // Three years of statements, so the self-check has a history and a weak indicator (labour productivity).
        business.SaveFinancialYear(DemoYear(2024, sales: 180_000_000, operatingProfit: 7_200_000, employees: 11, netAssets: 40_000_000), declared);
        business.SaveFinancialYear(DemoYear(2025, sales: 190_000_000, operatingProfit: 6_500_000, employees: 12, netAssets: 45_000_000), declared);
        business.SaveFinancialYear(DemoYear(2026, sales: 199_500_000, operatingProfit: 4_800_000, employees: 12, netAssets: 48_000_000), declared);
        business.Members.Add(new BusinessMember { UserId = member!.Id, Role = MemberRole.Member, CanSubmit = false, JoinedAtUtc = now });
        db.Businesses.Add(business);
        await db.SaveChangesAsync();
    }

    private static FinancialYear DemoYear(int year, long sales, long operatingProfit, int employees, long netAssets) => new()
    {
        ClosingDate = new DateOnly(year, 3, 31),
        Sales = sales,
        CostOfSales = sales * 7 / 10,
        OperatingProfit = operatingProfit,
        OrdinaryProfit = operatingProfit - 600_000,
        Depreciation = 6_000_000,
        CashAndDeposits = 35_000_000,
        Receivables = 31_000_000,
        Inventory = 13_000_000,
        Payables = 16_000_000,
        ShortTermBorrowings = 20_000_000,
        LongTermBorrowings = 55_000_000,
        NetAssets = netAssets,
        TotalAssets = 170_000_000,
        Employees = employees,
        TaxableIncome = operatingProfit - 1_000_000,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Seeding a demo account failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
