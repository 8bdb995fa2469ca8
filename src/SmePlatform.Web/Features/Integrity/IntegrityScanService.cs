using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// Runs the scans: the nightly one at 02:00 Japan time, and any a Supervisor asks for (a queued row), one at a time.
/// A scan that was running when the process stopped is marked failed at the next start.
/// </summary>
public sealed class IntegrityScanService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IntegrityScanService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Looks for queued scans now (after a Supervisor asked for one).</summary>
    public void Wake() => _wake.Release();

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
            await db.IntegrityScans.Where(s => s.State == ScanState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ScanState.Failed).SetProperty(x => x.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await RunQueuedAsync(stoppingToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var nightly = NextNightlyUtc(now);
            // Wake at the night's run or when asked, whichever comes first.
            _ = await _wake.WaitAsync(nightly - now, stoppingToken);
            if (clock.GetUtcNow().UtcDateTime >= nightly)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
                db.IntegrityScans.Add(new IntegrityScan { State = ScanState.Queued, RequestedAtUtc = nightly });
                await db.SaveChangesAsync(stoppingToken);
            }
        }
    }

    /// <summary>The next 02:00 in Japan after <paramref name="nowUtc"/>.</summary>
    public static DateTime NextNightlyUtc(DateTime nowUtc)
    {
        var today = JapanTime.ToUtc(JapanTime.DateOf(nowUtc), new TimeOnly(2, 0));
        return today > nowUtc ? today : JapanTime.ToUtc(JapanTime.DateOf(nowUtc).AddDays(1), new TimeOnly(2, 0));
    }

    private async Task RunQueuedAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
            var queued = await db.IntegrityScans.Where(s => s.State == ScanState.Queued).OrderBy(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(stoppingToken);
            if (queued is not { } scanId)
            {
                return;
            }

            try
            {
                await scope.ServiceProvider.GetRequiredService<IntegrityScanner>().RunAsync(scanId, stoppingToken);
                logger.LogInformation("Integrity scan {ScanId} finished", scanId);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                logger.LogError(exception, "Integrity scan {ScanId} failed", scanId);
                await db.IntegrityScans.Where(s => s.Id == scanId)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ScanState.Failed).SetProperty(x => x.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), stoppingToken);
            }
        }
    }
}
