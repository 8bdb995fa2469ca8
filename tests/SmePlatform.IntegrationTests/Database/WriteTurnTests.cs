using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Database;

/// <summary>
/// Writes take their turn at the write gate by themselves (the data layer's interceptor): a save, a write statement and a
/// transaction each wait while another context holds the turn, and hand it back when they end — committed, rolled back,
/// or disposed without either.
/// </summary>
[Collection(nameof(PortalCollection))]
public class WriteTurnTests(SmeAppFactory factory)
{
    private static readonly TimeSpan Held = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private WriteGate Gate => factory.Services.GetRequiredService<WriteGate>();

    [Fact]
    public async Task ASave_WaitsWhileAnotherContextHoldsTheTurn_ThenGoesOn()
    {
        await using var holder = factory.Services.CreateAsyncScope();
        await using var writer = factory.Services.CreateAsyncScope();
        var db = writer.ServiceProvider.GetRequiredService<SmeDbContext>();
        db.SignInThrottles.Add(new SignInThrottle { Key = Guid.NewGuid().ToString("N"), Failures = 1, LastFailureAtUtc = DateTime.UtcNow });

        Task<int> save;
        using (await Gate.EnterAsync(holder.ServiceProvider.GetRequiredService<SmeDbContext>()))
        {
            save = db.SaveChangesAsync();
            await Task.Delay(Held);
            Assert.False(save.IsCompleted);
        }

        Assert.Equal(1, await save.WaitAsync(Soon));
        await AssertTurnIsFreeAsync();
    }

    [Fact]
    public async Task AWriteStatement_WaitsWhileAnotherContextHoldsTheTurn_ButAReadDoesNot()
    {
        await using var holder = factory.Services.CreateAsyncScope();
        await using var writer = factory.Services.CreateAsyncScope();
        var db = writer.ServiceProvider.GetRequiredService<SmeDbContext>();

        Task<int> update;
        using (await Gate.EnterAsync(holder.ServiceProvider.GetRequiredService<SmeDbContext>()))
        {
            Assert.True(await db.ChangeCounters.AnyAsync().WaitAsync(Soon));
            update = db.SignInThrottles.Where(t => t.Key == "nobody").ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 0));
            await Task.Delay(Held);
            Assert.False(update.IsCompleted);
        }

        Assert.Equal(0, await update.WaitAsync(Soon));
        await AssertTurnIsFreeAsync();
    }

    [Fact]
    public async Task ATransaction_HoldsOneTurn_ThatItsSavesJoin_UntilItCommits()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.SignInThrottles.Add(new SignInThrottle { Key = Guid.NewGuid().ToString("N"), Failures = 1, LastFailureAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync().WaitAsync(Soon);
            await db.SignInThrottles.Where(t => t.Key == "nobody").ExecuteDeleteAsync().WaitAsync(Soon);
            await AssertTurnIsTakenAsync();
            await transaction.CommitAsync();
        }

        await AssertTurnIsFreeAsync();
    }

    [Fact]
    public async Task ATransaction_DisposedWithoutCommit_HandsItsTurnBack()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();

        await using (await db.Database.BeginTransactionAsync())
        {
            await db.SignInThrottles.Where(t => t.Key == "nobody").ExecuteDeleteAsync().WaitAsync(Soon);
            await AssertTurnIsTakenAsync();
        }

        await AssertTurnIsFreeAsync();
    }

    private async Task AssertTurnIsFreeAsync()
    {
        await using var probe = factory.Services.CreateAsyncScope();
        using var turn = await Gate.TryEnterAsync(probe.ServiceProvider.GetRequiredService<SmeDbContext>(), Soon);
        Assert.NotNull(turn);
    }

    private async Task AssertTurnIsTakenAsync()
    {
        await using var probe = factory.Services.CreateAsyncScope();
        using var turn = await Gate.TryEnterAsync(probe.ServiceProvider.GetRequiredService<SmeDbContext>(), Held);
        Assert.Null(turn);
    }
}
