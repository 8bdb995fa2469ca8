using System.Data.Common;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>Loads the facts once the portal has started, so that the first dashboard does not wait for the load.</summary>
public sealed class ApplicationFactsWarmUp(IServiceScopeFactory scopes, ApplicationFacts facts, ILogger<ApplicationFactsWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await facts.CatchUpAsync(scope.ServiceProvider.GetRequiredService<SmeDbContext>(), stoppingToken);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            // Not fatal: the first dashboard read loads them instead.
            logger.LogWarning(exception, "Could not load the dashboard's facts at start");
        }
    }
}
