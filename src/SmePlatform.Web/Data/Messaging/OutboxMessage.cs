namespace SmePlatform.Web.Data.Messaging;

public enum OutboxChannel
{
    InApp,
    Email,
}

/// <summary>
/// A notice or email to send, written in the same transaction as the change it tells of and delivered later by
/// <c>OutboxDispatcher</c>: in-app notices exactly once (a notice's outbox id is unique), email at least once
/// (the outbox id is its Message-ID, so a resend is recognisably the same message).
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }
    public string RecipientUserId { get; set; } = "";

    /// <summary>The message's text as resource keys: <c>Notice.{Template}.Subject</c> and <c>.Body</c>.</summary>
    public string Template { get; set; } = "";

    /// <summary>The placeholders' values, in order, tab-separated (ids, numbers and instants, never personal data).</summary>
    public string Arguments { get; set; } = "";

    /// <summary>Where the notice leads, a path inside the portal.</summary>
    public string Link { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
}

/// <summary>A message in a person's in-app inbox.</summary>
public class Notice
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public string UserId { get; set; } = "";
    public string Template { get; set; } = "";
    public string Arguments { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
