using Microsoft.AspNetCore.Authorization;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// Authorization policies. Every staff policy also demands that this sign-in used a second factor:
/// staff see every application (docs/adr/0004).
/// </summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Reviewer = StaffRoles.Reviewer;
    public const string Supervisor = StaffRoles.Supervisor;
    public const string Analyst = StaffRoles.Analyst;
    public const string Administrator = StaffRoles.Administrator;

    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, policy => policy.RequireRole(StaffRoles.All.Select(r => r.Name)).AddRequirements(new TwoFactorSignInRequirement()))
            .AddPolicy(Reviewer, policy => policy.RequireRole(StaffRoles.Reviewer, StaffRoles.Supervisor).AddRequirements(new TwoFactorSignInRequirement()))
            .AddPolicy(Supervisor, policy => policy.RequireRole(StaffRoles.Supervisor).AddRequirements(new TwoFactorSignInRequirement()))
            .AddPolicy(Analyst, policy => policy.RequireRole(StaffRoles.Analyst, StaffRoles.Administrator).AddRequirements(new TwoFactorSignInRequirement()))
            .AddPolicy(Administrator, policy => policy.RequireRole(StaffRoles.Administrator).AddRequirements(new TwoFactorSignInRequirement()));
        services.AddSingleton<IAuthorizationHandler, TwoFactorSignInHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffTwoFactorRedirectHandler>();
        return services;
    }
}
