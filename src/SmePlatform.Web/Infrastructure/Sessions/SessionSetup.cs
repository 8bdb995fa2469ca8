using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Infrastructure.Security;

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

        // Identity rebuilds the sign-in from the account every 30 minutes (the security stamp check) and, left alone,
        // drops how the person signed in: staff would lose their second factor (amr=mfa) and be sent to set it up again.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.OnRefreshingPrincipal = KeepSignInMethod);

        services.AddTransient<SingleUseAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(identity => identity.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] =
            new TokenProviderDescriptor(typeof(SingleUseAuthenticatorTokenProvider)));
        return services;
    }

    /// <summary>Carries the sign-in's authentication method claims (<c>amr</c>, as Identity's two-factor sign-in adds them) over.</summary>
    public static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        var methods = context.CurrentPrincipal?.FindAll(TwoFactorSignInRequirement.ClaimType).ToList() ?? [];
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            foreach (var method in methods.Where(m => !identity.HasClaim(m.Type, m.Value)))
            {
                identity.AddClaim(new Claim(method.Type, method.Value));
            }
        }

        return Task.CompletedTask;
    }
}
