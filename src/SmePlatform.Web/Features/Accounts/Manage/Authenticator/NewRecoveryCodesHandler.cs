using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.Authenticator;

/// <summary>
/// A new set of recovery codes, the old ones void: done with them, shown once straight from the response (never
/// stored in a cookie or TempData); not allowed while two-factor sign-in is off.
/// </summary>
public sealed class NewRecoveryCodesHandler(UserManager<ApplicationUser> users) : IUseCase
{
    public async Task<Outcome<IEnumerable<string>>> HandleAsync(ClaimsPrincipal principal)
    {
        var user = await users.RequireAsync(principal);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Outcome.NotAllowed;
        }

        return Outcome.Done(await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableAuthenticatorHandler.RecoveryCodeCount) ?? []);
    }
}
