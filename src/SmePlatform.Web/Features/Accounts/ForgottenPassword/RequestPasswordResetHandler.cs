using FluentValidation;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.ForgottenPassword;

/// <summary>
/// Someone asks for a new password by email (<see cref="ForgotPasswordForm"/>). The answer is the same whether or not
/// the account exists, and as quick: the page must not reveal who has one. The email goes through the outbox, after
/// the request (its link is made when it is sent).
/// </summary>
public sealed class RequestPasswordResetHandler(
    UserManager<ApplicationUser> users, Outbox outbox, SmeDbContext db, IValidator<ForgotPasswordForm> validator) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(ForgotPasswordForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            outbox.Email(user.Id, AccountEmails.PasswordResetTemplate, AccountEmails.PasswordResetPath, []);
            await db.SaveChangesAsync();
        }

        return Outcome.Done();
    }
}
