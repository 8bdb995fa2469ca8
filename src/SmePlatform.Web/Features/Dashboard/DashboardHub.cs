using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>
/// Open dashboards listen here (<c>/hubs/dashboard</c>, staff only) for "changed": an application was submitted or
/// moved on, so the numbers are read again. Nothing about the application travels: the page asks for its own numbers,
/// under its own filters and suppression. One instance tells its own clients; several would need a backplane.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DashboardHub : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string Changed = "changed";
}

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
