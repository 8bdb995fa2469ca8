using System.Security.Claims;
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

/// <summary>The current sign-in was completed with a second factor (Identity adds <c>amr=mfa</c>).</summary>
public sealed class TwoFactorSignInRequirement : IAuthorizationRequirement
{
    public const string ClaimType = "amr";
    public const string ClaimValue = "mfa";
}

public sealed class TwoFactorSignInHandler : AuthorizationHandler<TwoFactorSignInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSignInRequirement requirement)
    {
        if (context.User.HasClaim(TwoFactorSignInRequirement.ClaimType, TwoFactorSignInRequirement.ClaimValue))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool IsSatisfiedBy(ClaimsPrincipal user) =>
        user.HasClaim(TwoFactorSignInRequirement.ClaimType, TwoFactorSignInRequirement.ClaimValue);
}
