using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Notices;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>The password reset email's placeholders, its one-use link made when it is sent (<see cref="AccountEmails"/>).</summary>
public sealed class PasswordResetEmail(AccountEmails emails) : IEmailArguments
{
    public string Template => AccountEmails.PasswordResetTemplate;

    public Task<Func<string, object[]>> ArgumentsAsync(OutboxMessage message, CancellationToken cancellationToken = default) =>
        emails.PasswordResetArgumentsAsync(message.RecipientUserId);
}
