using Microsoft.AspNetCore.SignalR;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>Tells open dashboards that the numbers changed; called after the change is committed.</summary>
public sealed class DashboardSignal(IHubContext<DashboardHub> hub, ILogger<DashboardSignal> logger)
{
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
