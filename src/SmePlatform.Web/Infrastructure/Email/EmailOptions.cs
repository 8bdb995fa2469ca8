using MimeKit;

namespace SmePlatform.Web.Infrastructure.Email;

/// <summary>The <c>Email</c> section of configuration.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupFolder;
    public string From { get; set; } = "中小企業支援プラットフォーム <no-reply@smeplatform.example.jp>";
    public string PickupFolder { get; set; } = "App_Data/mail";
    public string SmtpHost { get; set; } = "localhost";
    public int SmtpPort { get; set; } = 587;
    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    internal MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        if (message.MessageId is not null)
        {
            mime.MessageId = message.MessageId;
        }

        return mime;
    }
}
