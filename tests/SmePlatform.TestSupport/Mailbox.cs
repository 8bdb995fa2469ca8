using System.Text.RegularExpressions;
using MimeKit;

namespace SmePlatform.TestSupport;

/// <summary>The pickup folder the portal writes its emails to, read as a person reads their inbox.</summary>
public sealed partial class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>
    /// The messages to a person, in order, each once: the outbox delivers at least once, so a message sent again after a
    /// race between two dispatchers carries the same Message-ID, and an inbox shows it once (docs/applications.md).
    /// </summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string email)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(Folder, "*.eml")
            .Order(StringComparer.Ordinal)
            .Select(path => MimeMessage.Load(path))
            .Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, email, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(m => m.MessageId ?? Guid.NewGuid().ToString())];
    }

    /// <summary>The first link in the newest message to <paramref name="email"/>.</summary>
    public string LatestLinkTo(string email)
    {
        var messages = MessagesTo(email);
        var message = messages.Count > 0 ? messages[^1] : throw new InvalidOperationException($"No email to {email}.");
        return Link().Match(message.TextBody ?? "").Value;
    }

    /// <summary>Every link in a message's text, in order.</summary>
    public static IReadOnlyList<string> Links(MimeMessage message) => [.. Link().Matches(message.TextBody ?? "").Select(m => m.Value)];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
