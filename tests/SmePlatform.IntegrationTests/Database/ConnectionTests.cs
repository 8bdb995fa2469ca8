using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Database;

/// <summary>A database context holds one SQLite connection for its life, set up once when it is made; the log is checkpointed beside the writers.</summary>
[Collection(nameof(PortalCollection))]
public class ConnectionTests(SmeAppFactory factory)
{
    [Fact]
    public async Task AContext_HasItsConnectionOpen_WithTheBusyTimeoutAndPageCache_ForAllItsQueries()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var connection = db.Database.GetDbConnection();

        Assert.Equal(ConnectionState.Open, connection.State);
        await db.Businesses.AnyAsync();
        await db.SupportMeasures.CountAsync();
        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Equal(5000L, (await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync()).Single());
        Assert.Equal(-32768L, (await db.Database.SqlQueryRaw<long>("PRAGMA cache_size").ToListAsync()).Single());
        Assert.Equal(WalCheckpointer.SafetyNetPages, (await db.Database.SqlQueryRaw<int>("PRAGMA wal_autocheckpoint").ToListAsync()).Single());
    }

    [Fact]
    public async Task TheCheckpointer_CopiesTheLog_IntoTheDatabaseFile()
    {
        await factory.CreateUserAsync();
        var checkpointer = factory.Services.GetServices<IHostedService>().OfType<WalCheckpointer>().Single();

        var (logPages, checkpointed) = await checkpointer.CheckpointAsync();

        // In WAL mode (-1 otherwise), with the write above in the log, and as much of the log copied as readers allow.
        Assert.True(logPages > 0, $"log pages: {logPages}");
        Assert.InRange(checkpointed, 1, logPages);
    }

    [Fact]
    public async Task TheConnection_IsClosed_WithItsContext()
    {
        System.Data.Common.DbConnection connection;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            connection = scope.ServiceProvider.GetRequiredService<SmeDbContext>().Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, connection.State);
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}
