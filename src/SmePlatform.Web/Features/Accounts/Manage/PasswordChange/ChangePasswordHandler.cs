using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts.Manage.SignIns;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.PasswordChange;

/// <summary>
/// The person changes their password (<see cref="ChangePasswordForm"/>): whoever else holds a sign-in is out, and this
/// one goes on, re-issued.
/// </summary>
public sealed class ChangePasswordHandler(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    EndOtherSessionsHandler endOthers,
    IValidator<ChangePasswordForm> validator,
    IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(ChangePasswordForm form, ClaimsPrincipal principal)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var user = await users.RequireAsync(principal);
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            var failures = result.ToFailures(passwordField: nameof(ChangePasswordForm.NewPassword)).ToList();
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // The wrong current password belongs beside the current-password field.
                failures.RemoveAll(f => f.PropertyName == nameof(ChangePasswordForm.NewPassword));
                failures.Add(new(nameof(ChangePasswordForm.CurrentPassword), t["Identity.PasswordMismatch"]));
            }

            return Outcome.Invalid(failures);
        }

        await endOthers.HandleAsync(user, principal);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Done();
    }
}
