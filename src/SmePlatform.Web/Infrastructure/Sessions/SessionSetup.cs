using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace SmePlatform.Web.Infrastructure.Sessions;

public static class SessionSetup
{
    /// <summary>
    /// Server-side sign-in sessions and single-use authenticator codes. Registered after Identity: the authenticator
    /// provider replaces Identity's in the token map.
    /// </summary>
    public static IServiceCollection AddPlatformSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionOptions>()
            .Bind(configuration.GetSection(SessionOptions.Section))
            .Validate(o => o.StaffAbsoluteLifetime > TimeSpan.Zero && o.LastSeenInterval >= TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero,
                "Sessions:StaffAbsoluteLifetime and Sessions:SweepInterval must be positive, Sessions:LastSeenInterval not negative.")
            .ValidateOnStart();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddScoped<UserSessions>();
        services.AddHostedService<SessionSweeper>();

        services.AddTransient<SingleUseAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(identity => identity.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] =
            new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider)));
        return services;
    }
}
