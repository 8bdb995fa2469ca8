using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>
/// Deletes sign-ins that have ended by time and were never presented again (a closed browser): every
/// <see cref="SessionOptions.SweepInterval"/> (background work: its write waits behind people's).
/// </summary>
public sealed class SessionSweeper(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionOptions> options, ILogger<SessionSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (DbException exception)
            {
                // Nothing is lost: an ended sign-in is refused when presented, and the next sweep deletes it.
                logger.LogWarning(exception, "Sweeping ended sign-ins failed");
            }
        }
    }

    /// <summary>Deletes every sign-in that has ended by time; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = await db.UserSessions.Where(s => s.ExpiresAtUtc <= now || s.AbsoluteExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} ended sign-ins", deleted);
        }

        return deleted;
    }
}
