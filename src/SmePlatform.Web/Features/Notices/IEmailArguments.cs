using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// The placeholders of an email that the feature it belongs to words when it is sent (a one-use link made then, the
/// corrections asked as that feature labels them). The dispatcher asks the one registered for the message's template,
/// so the outbox depends on none of the features that write to it.
/// </summary>
public interface IEmailArguments
{
    /// <summary>The template (<see cref="OutboxMessage.Template"/>) whose placeholders this words.</summary>
    string Template { get; }

    /// <summary>The placeholders' values in a language (by culture name).</summary>
    Task<Func<string, object[]>> ArgumentsAsync(OutboxMessage message, CancellationToken cancellationToken = default);
}
