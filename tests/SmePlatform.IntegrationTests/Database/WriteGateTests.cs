using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Providers;

namespace SmePlatform.IntegrationTests.Database;

/// <summary>The write gate's pause: background work (the checks after a submission) waits out people's writes, not its own.</summary>
public class WriteGateTests
{
    [Fact]
    public async Task BackgroundWork_WaitsForAPauseInPeoplesWrites_NotInItsOwn()
    {
        using var gate = new WriteGate(TimeProvider.System);
        await using var db = new SqliteSmeDbContext(new DbContextOptionsBuilder<SqliteSmeDbContext>().UseSqlite("Data Source=:memory:").Options);
        await Task.Delay(WriteGate.Quiet);

        // Quiet since it was made: nothing to wait for.
        Assert.True(await TimedAsync(gate.QuietAsync) < WriteGate.Quiet);

        // Background writes do not break the pause.
        using (await gate.EnterInBackgroundAsync(db))
        {
        }

        Assert.True(await TimedAsync(gate.QuietAsync) < WriteGate.Quiet);

        // A person's write does: the background waits for the pause after it.
        using (await gate.EnterAsync(db))
        {
        }

        Assert.True(await TimedAsync(gate.QuietAsync) >= WriteGate.Quiet - TimeSpan.FromMilliseconds(20));
    }

    private static async Task<TimeSpan> TimedAsync(Func<CancellationToken, Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work(CancellationToken.None);
        return watch.Elapsed;
    }
}
