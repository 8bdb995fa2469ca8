namespace SmePlatform.Web.Features.Notices;

/// <summary>The <c>Outbox</c> section of configuration.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often pending messages are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long an email claimed for sending is held: one whose sending was never confirmed (the process stopped between
    /// the handover and marking it sent) is sent again after this, with the same Message-ID. Longer than a send can take.
    /// </summary>
    public TimeSpan EmailLease { get; set; } = TimeSpan.FromMinutes(5);
}
