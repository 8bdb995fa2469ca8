using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.SignInWithCode;

/// <summary>
/// The second step of a sign-in: the code from the authenticator app (<see cref="TwoFactorCodeForm"/>). Not found when
/// no password step is waiting for it (the page goes back to the sign-in); invalid with the page's message when the code
/// is wrong or the account is locked after too many.
/// </summary>
public sealed class SignInWithAuthenticatorHandler(
    SignInManager<ApplicationUser> signIn, IValidator<TwoFactorCodeForm> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(TwoFactorCodeForm form)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Outcome.NotFound;
        }

        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.NormalizedCode, form.RememberMe, rememberClient: false);
        return result.Succeeded
            ? Outcome.Done()
            : Outcome.Invalid(nameof(TwoFactorCodeForm.Code), result.IsLockedOut ? t["Login.LockedOut"] : t["Login.WrongCode"]);
    }
}
