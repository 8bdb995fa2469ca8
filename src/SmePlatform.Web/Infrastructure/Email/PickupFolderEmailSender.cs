using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Infrastructure.Email;

/// <summary>Writes each message as an .eml file, so links in emails work locally and in tests.</summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        var mime = options.Value.ToMime(message);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Email {MessageId} written to the pickup folder", mime.MessageId);
    }
}
