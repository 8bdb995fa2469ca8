using Microsoft.AspNetCore.Identity;

namespace SmePlatform.Web.Data.Seeding;

/// <summary>
/// Creates the demo accounts when <c>Seed:DemoAccounts</c> is true. Idempotent: an existing account is left as it is.
/// Never runs in Production, whatever the setting says.
/// </summary>
public sealed class DemoAccountsSeeder(
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
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Seeding a demo account failed: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
