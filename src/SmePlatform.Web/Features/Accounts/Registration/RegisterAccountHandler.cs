using FluentValidation;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Registration;

/// <summary>
/// Someone registers with a name, an address and a password (<see cref="RegisterForm"/>, validated by
/// <see cref="RegisterFormValidator"/>). The answer is the same for a new address and a taken one, after the same work:
/// what the page says must not tell anyone which addresses have an account.
/// </summary>
public sealed class RegisterAccountHandler(
    UserManager<ApplicationUser> users, AccountEmails emails, IValidator<RegisterForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(RegisterForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var user = new ApplicationUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // The password's rules first, for a new address and a taken one alike: what the page says must not depend on
        // whether the address has an account.
        var passwordProblems = await PasswordProblemsAsync(user, form.Password!);
        if (!passwordProblems.Succeeded)
        {
            return Outcome.Invalid(passwordProblems.ToFailures());
        }

        var existing = await users.FindByEmailAsync(user.Email);
        if (existing is null)
        {
            var result = await users.CreateAsync(user, form.Password!);
            if (result.Succeeded)
            {
                await emails.SendConfirmationAsync(user);
                return Outcome.Done();
            }

            // Taken in the meantime by another registration of the same address: answered below like any taken one.
            existing = result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") ? await users.FindByEmailAsync(user.Email) : null;
            if (existing is null)
            {
                return Outcome.Invalid(result.ToFailures());
            }
        }

        // Taken: the same page as for a new account, after the same work (a password hashed, one email sent). The email
        // goes to the address's owner: a new confirmation link while it is unconfirmed, otherwise a note that someone
        // tried, with the ways to sign in or reset the password. Their account is not changed.
        users.PasswordHasher.HashPassword(user, form.Password!);
        if (existing.EmailConfirmed)
        {
            await emails.SendRegistrationAttemptAsync(existing);
        }
        else
        {
            await emails.SendConfirmationAsync(existing);
        }

        return Outcome.Done();
    }

    private async Task<IdentityResult> PasswordProblemsAsync(ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}
