using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Email;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>
/// The account emails, in the language the person is using, each with a link carrying a one-use token, on the
/// portal's public address (<see cref="PublicBaseUrl"/>). Tokens travel in links as base64url (Identity's contain '+' and '/').
/// </summary>
public sealed class AccountEmails(
    IEmailSender sender,
    UserManager<ApplicationUser> users,
    LinkGenerator links,
    PublicBaseUrl publicBase,
    IStringLocalizer<SharedResource> t)
{
    public async Task SendConfirmationAsync(ApplicationUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(user, "Email.Confirm.Subject", "Email.Confirm.Body", Link(nameof(AccountController.ConfirmEmail), user, token));
    }

    public async Task SendPasswordResetAsync(ApplicationUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(user, "Email.Reset.Subject", "Email.Reset.Body", Link(nameof(AccountController.ResetPassword), user, token));
    }

    /// <summary>A new staff member chooses a password through the reset link.</summary>
    public async Task SendStaffInvitationAsync(ApplicationUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(user, "Email.StaffInvite.Subject", "Email.StaffInvite.Body", Link(nameof(AccountController.ResetPassword), user, token));
    }

    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Link(string action, ApplicationUser user, string token) =>
        publicBase.Link(links.GetPathByAction(action, "Account", new { userId = user.Id, code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) })!);

    private Task SendAsync(ApplicationUser user, string subjectKey, string bodyKey, string link) =>
        sender.SendAsync(new EmailMessage(user.Email!, t[subjectKey], t[bodyKey, user.DisplayName, link]));
}
