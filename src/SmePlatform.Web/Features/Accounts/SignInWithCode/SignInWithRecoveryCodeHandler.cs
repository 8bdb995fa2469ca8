using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.SignInWithCode;

/// <summary>
/// The second step of a sign-in with one of the recovery codes instead of the app (<see cref="RecoveryCodeForm"/>);
/// each code works once. Not found when no password step is waiting for it.
/// </summary>
public sealed class SignInWithRecoveryCodeHandler(
    SignInManager<ApplicationUser> signIn, IValidator<RecoveryCodeForm> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(RecoveryCodeForm form)
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

        var code = form.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return result.Succeeded
            ? Outcome.Done()
            : Outcome.Invalid(nameof(RecoveryCodeForm.RecoveryCode), result.IsLockedOut ? t["Login.LockedOut"] : t["Identity.InvalidRecoveryCode"]);
    }
}
