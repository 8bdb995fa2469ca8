using System.Diagnostics;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// One integrity scan now, in this process, against the configured database — what the nightly service runs — and
/// how long it took: <code>dotnet run --project src/SmePlatform.Web -- scan</code> (the integrity-scan benchmark).
/// </summary>
public static class ScanCommand
{
    public static bool IsRequested(string[] args) => args is ["scan", ..];

    public static async Task<int> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var scan = new IntegrityScan { State = ScanState.Queued, RequestedAtUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        db.IntegrityScans.Add(scan);
        await db.SaveChangesAsync();
        var watch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<IntegrityScanner>().RunAsync(scan.Id, CancellationToken.None);
        watch.Stop();
        await db.Entry(scan).ReloadAsync();
        Console.WriteLine($"Scanned {scan.Done} of {scan.Total} claiming applications in {watch.Elapsed.TotalSeconds:F1} s: {scan.Raised} flags raised, {scan.Cleared} cleared.");
        return scan.State == ScanState.Finished ? 0 : 1;
    }
}
