using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts.Manage.SignIns;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.Authenticator;

/// <summary>
/// The person turns two-factor sign-in on with a code from their app (<see cref="TwoFactorCodeForm"/>): their other
/// sign-ins end, this one counts as two-factor from now, and done with the new recovery codes, shown once.
/// </summary>
public sealed class EnableAuthenticatorHandler(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    EndOtherSessionsHandler endOthers,
    IValidator<TwoFactorCodeForm> validator,
    IStringLocalizer<SharedResource> t) : IUseCase
{
    public const int RecoveryCodeCount = 10;

    public async Task<Outcome<IEnumerable<string>>> HandleAsync(TwoFactorCodeForm form, ClaimsPrincipal principal)
    {
        var user = await users.RequireAsync(principal);
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.NormalizedCode))
        {
            return Outcome.Invalid(nameof(TwoFactorCodeForm.Code), t["Login.WrongCode"]);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await endOthers.HandleAsync(user, principal);
        // The code just typed is a second factor: this sign-in now counts as two-factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(TwoFactorSignInRequirement.ClaimType, TwoFactorSignInRequirement.ClaimValue)]);
        return Outcome.Done(codes ?? []);
    }
}
