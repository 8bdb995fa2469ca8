using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// A business's profile changed (<see cref="ProfileChanged"/>, committed with the change): it may now be eligible for
/// open measures it was not before, so each event runs the push matching of that business (<see cref="PushMatcher"/>).
/// Run again after a crash, it adds no notice twice (the notices' unique key).
/// </summary>
public sealed class ProfileChangedPush(PushMatcher matcher, ILogger<ProfileChangedPush> logger) : IDomainEventHandler
{
    public string EventName => ProfileChanged.EventName;

    public async Task HandleAsync(IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var change in events)
        {
            var pushed = await matcher.RunAsync(change, cancellationToken: cancellationToken);
            logger.LogInformation("Profile change {OutboxId} put {Count} notices in inboxes", change.Id, pushed);
        }
    }
}
