using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts.Manage.SignIns;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.Authenticator;

/// <summary>
/// The person turns two-factor sign-in off: the app's key is void and their other sign-ins end. Not allowed for staff,
/// who see every application: for them it is not optional.
/// </summary>
public sealed class DisableTwoFactorHandler(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, EndOtherSessionsHandler endOthers) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(ClaimsPrincipal principal)
    {
        if (principal.IsStaff())
        {
            return Outcome.NotAllowed;
        }

        var user = await users.RequireAsync(principal);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await endOthers.HandleAsync(user, principal);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Done();
    }
}
