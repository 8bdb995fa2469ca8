using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.PasswordReset;

/// <summary>
/// A new password set through the emailed link (<see cref="ResetPasswordForm"/>). A working link proves the address:
/// the account's waits and lockout end, and every sign-in to it ends (the old password's, or a copied cookie's).
/// </summary>
public sealed class ResetPasswordHandler(
    UserManager<ApplicationUser> users,
    UserSessions sessions,
    AccountThrottle throttle,
    IValidator<ResetPasswordForm> validator,
    IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(ResetPasswordForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var user = form.UserId is null ? null : await users.FindByIdAsync(form.UserId);
        var token = AccountEmails.DecodeToken(form.Code);
        if (user is null || token is null)
        {
            return Outcome.Invalid("", t["Identity.InvalidToken"]);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            return Outcome.Invalid(result.ToFailures());
        }

        // An account locked or kept waiting by someone else's guesses is opened again, and whoever is signed in to it is
        // signed out everywhere.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.EndRunAsync(users.NormalizeEmail(user.Email!));
        await sessions.EndAllAsync(user.Id);
        return Outcome.Done();
    }
}
