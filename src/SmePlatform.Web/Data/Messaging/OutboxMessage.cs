namespace SmePlatform.Web.Data.Messaging;

public enum OutboxChannel
{
    InApp,
    Email,

    /// <summary>
    /// A job that matches businesses to measures (a measure was published, a profile changed) and puts a notice in
    /// each matching member's inbox; <see cref="OutboxMessage.Template"/> names the trigger, the argument its id.
    /// </summary>
    Match,

    /// <summary>
    /// A domain event (<see cref="IDomainEvent"/>), written with the change that raised it and handed by the dispatcher
    /// to its handlers; <see cref="OutboxMessage.Template"/> is its name, the arguments its values. Nobody is its recipient.
    /// </summary>
    Event,
}

/// <summary>
/// A notice or email to send, written in the same transaction as the change it tells of and delivered later by
/// <c>OutboxDispatcher</c>: in-app notices exactly once (a notice's outbox id is unique), email at least once
/// (the outbox id is its Message-ID, so a resend is recognisably the same message). An email is claimed before it is
/// handed over (<see cref="LeaseUntilUtc"/>, <see cref="ClaimToken"/>) and marked sent just after: only one whose
/// handover was never confirmed is sent again, once its lease has run out.
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

    /// <summary>
    /// An email being sent ("sending"): until when the dispatcher that claimed it holds it. Null when nobody does. A
    /// dispatcher stopped between the handover and marking it sent leaves it held; after this it is sent again.
    /// </summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>Which claim holds it (a random value per dispatch round), so a round knows the emails it claimed.</summary>
    public string? ClaimToken { get; set; }
}

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

/// <summary>What a person wants to be told: an email digest of new matches, and purposes or measures muted.</summary>
public class NoticePreference
{
    public string UserId { get; set; } = "";

    /// <summary>A daily email listing the measures newly matched since the last one.</summary>
    public bool EmailDigest { get; set; }

    /// <summary>Purposes (names, comma-separated) whose measures are not pushed; a measure is muted when all its purposes are.</summary>
    public string MutedPurposes { get; set; } = "";

    /// <summary>Measure ids (comma-separated) not to be pushed again (already-sent notices stay).</summary>
    public string MutedMeasures { get; set; } = "";

    /// <summary>The creation instant of the newest notice the last digest covered.</summary>
    public DateTime? DigestedUpToUtc { get; set; }

    public IReadOnlySet<Domain.Catalogue.Purpose> MutedPurposeSet =>
        MutedPurposes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Enum.TryParse<Domain.Catalogue.Purpose>(p, out var purpose) ? purpose : (Domain.Catalogue.Purpose?)null)
            .OfType<Domain.Catalogue.Purpose>().ToHashSet();

    public IReadOnlySet<int> MutedMeasureSet =>
        MutedMeasures.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToHashSet();

    /// <summary>Whether a measure with these purposes is muted for this person.</summary>
    public bool Mutes(int measureId, IReadOnlyCollection<Domain.Catalogue.Purpose> purposes)
    {
        var muted = MutedPurposeSet;
        return MutedMeasureSet.Contains(measureId) || (purposes.Count > 0 && muted.Count > 0 && purposes.All(muted.Contains));
    }
}
