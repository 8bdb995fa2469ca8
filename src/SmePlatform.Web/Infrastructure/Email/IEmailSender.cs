namespace SmePlatform.Web.Infrastructure.Email;

/// <summary>The one way the portal sends email (docs/adr/0005).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
