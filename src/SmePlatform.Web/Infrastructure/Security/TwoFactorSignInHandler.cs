using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SmePlatform.Web.Infrastructure.Security;

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
