namespace SmePlatform.Web.Infrastructure.Email;

/// <param name="To">The address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="TextBody">The plain-text body.</param>
/// <param name="MessageId">A stable Message-ID, so a message sent again is recognisably the same one (the outbox's id).</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? MessageId = null);
