using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// A staff member whose only missing requirement is a two-factor sign-in is sent to set it up
/// (or to sign in again with a code) instead of seeing a bare 403.
/// </summary>
public sealed class StaffTwoFactorRedirectHandler : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/account/manage/two-factor";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements is { } failed
            && failed.Any()
            && failed.All(r => r is TwoFactorSignInRequirement))
        {
            context.Response.Redirect($"{SetupPath}?required=true");
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
