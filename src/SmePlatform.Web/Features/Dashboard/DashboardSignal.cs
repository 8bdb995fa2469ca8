using Microsoft.AspNetCore.SignalR;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>
/// Tells open dashboards that the numbers changed: raised from the committed <see cref="ApplicationMoved"/> events the
/// outbox hands over (a submission or a move, written with the change), once for each batch of them.
/// </summary>
public sealed class DashboardSignal(IHubContext<DashboardHub> hub, ILogger<DashboardSignal> logger) : IDomainEventHandler
{
    public string EventName => ApplicationMoved.EventName;

    public Task HandleAsync(IReadOnlyList<OutboxMessage> events, CancellationToken cancellationToken) => ChangedAsync();

    public async Task ChangedAsync()
    {
        try
        {
            await hub.Clients.All.SendAsync(DashboardHub.Changed);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException)
        {
            // The change is saved; a dashboard that missed the signal catches up at its next periodic refresh.
            logger.LogWarning(exception, "Could not tell the open dashboards");
        }
    }
}
