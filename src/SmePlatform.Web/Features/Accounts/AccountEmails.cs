using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Email;
using SmePlatform.Web.Infrastructure.Localization;

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

    /// <summary>
    /// The outbox template of the password reset email (<c>Notice.PasswordReset.*</c>): the outbox sends it after the
    /// request, so the forgot-password page answers as fast for an address with an account as for one without; the
    /// one-use link is made when it is sent (<see cref="PasswordResetArgumentsAsync"/>), so no token is stored.
    /// </summary>
    public const string PasswordResetTemplate = "PasswordReset";

    /// <summary>Where the reset email's outbox row leads (its link with a token is made when it is sent).</summary>
    public const string PasswordResetPath = "/account/reset-password";

    /// <summary>The reset email's placeholders, in any language: the person's name and a new one-use link.</summary>
    public async Task<Func<string, object[]>> PasswordResetArgumentsAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException($"No user {userId}.");
        var link = Link(nameof(AccountController.ResetPassword), user, await users.GeneratePasswordResetTokenAsync(user));
        return _ => [user.DisplayName, link];
    }

    /// <summary>
    /// Someone tried to create an account with the address of this one: the page they saw is the one every
    /// registration sees, and the owner is told here, in both languages (who typed it is not known), with the ways in.
    /// </summary>
    public Task SendRegistrationAttemptAsync(ApplicationUser user)
    {
        var signIn = publicBase.Link(links.GetPathByAction(nameof(AccountController.Login), "Account")!);
        var reset = publicBase.Link(links.GetPathByAction(nameof(AccountController.ForgotPassword), "Account")!);
        string Text(string culture, string key) => Cultures.In(culture, () => t[key, user.DisplayName, signIn, reset].Value);
        return sender.SendAsync(new EmailMessage(
            user.Email!,
            $"{Text(Cultures.Japanese, "Email.RegisterAttempt.Subject")} / {Text(Cultures.English, "Email.RegisterAttempt.Subject")}",
            $"{Text(Cultures.Japanese, "Email.RegisterAttempt.Body")}\n\n----\n\n{Text(Cultures.English, "Email.RegisterAttempt.Body")}\n"));
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
