using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts;

public static class AccountsSetup
{
    /// <summary>Registering, signing in (with its throttle) and the account's emails; the account's own settings (Manage) too.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<IEmailArguments, PasswordResetEmail>();
        return services.AddUseCasesIn(typeof(AccountsSetup).Namespace!);
    }
}
