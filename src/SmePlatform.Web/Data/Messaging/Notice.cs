namespace SmePlatform.Web.Data.Messaging;

/// <summary>A message in a person's in-app inbox.</summary>
public class Notice
{
    public long Id { get; set; }

    /// <summary>The outbox message that delivered it (for a match, the job: one job delivers many notices).</summary>
    public long OutboxMessageId { get; set; }

    /// <summary>What a pushed notice is about (<c>measure:{id}</c>): a person gets one notice per topic, ever.</summary>
    public string? Topic { get; set; }

    public string UserId { get; set; } = "";
    public string Template { get; set; } = "";
    public string Arguments { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
}
