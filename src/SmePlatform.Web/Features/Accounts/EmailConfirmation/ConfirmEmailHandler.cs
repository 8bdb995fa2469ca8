using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.EmailConfirmation;

/// <summary>
/// The link in the confirmation email is followed: the address is confirmed when the account and its one-use token
/// are good. Done with whether it was; an unknown account and a bad token read alike.
/// </summary>
public sealed class ConfirmEmailHandler(UserManager<ApplicationUser> users) : IUseCase
{
    public async Task<Outcome<bool>> HandleAsync(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = AccountEmails.DecodeToken(code);
        return Outcome.Done(user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded);
    }
}
