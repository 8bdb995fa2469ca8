using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SmePlatform.Web.Data;

/// <summary>
/// Takes each write's turn at the <see cref="WriteGate"/>, so that no feature does: a save from its start to its end (taken by
/// <see cref="SmeDbContext"/> through <see cref="SaveAsync"/>), a
/// transaction from its begin to its commit or rollback (a save or statement inside it joins its turn), and a write
/// statement run by itself (ExecuteUpdate, ExecuteDelete, raw SQL). A write made while answering a request is a person's
/// (it waits its bound, then the page says busy, and it counts as activity that background work waits out); any other
/// — the outbox, the checks, the scan, the sweep, the start — is background work's. Reads take no turn (WAL: they never
/// wait for the writer). Commands run on the connection directly (not through EF) are covered by the transaction they
/// run in. A transaction disposed without commit or rollback raises no event: <see cref="TurnKeepingTransactionFactory"/>
/// reports it (SQLite), and the gate notices it at the context's next write or its connection's end in any case.
/// </summary>
public sealed class WriteTurnInterceptor(WriteGate gate, IHttpContextAccessor requests)
    : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private WriteGate.Writer Writer => requests.HttpContext is null ? WriteGate.Writer.Background : WriteGate.Writer.Person;

    /// <summary>The write interceptor of <paramref name="db"/>'s options, if it has one (a context made without the app's setup has none).</summary>
    public static WriteTurnInterceptor? Of(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<WriteTurnInterceptor>().FirstOrDefault();

    /// <summary>
    /// A save's turn, held until disposed: <see cref="SmeDbContext"/> takes it around each save with try/finally (EF does
    /// not raise a failed save's event in every case, and a turn must never outlive its save).
    /// </summary>
    public async Task<IDisposable> SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        await gate.TakeAsync(db, Writer, WriteGate.Hold.Save, cancellationToken);
        return new Saving(gate, db);
    }

    /// <summary>The same as <see cref="SaveAsync"/>, for synchronous saves.</summary>
    public IDisposable Save(DbContext db)
    {
        gate.Take(db, Writer, WriteGate.Hold.Save);
        return new Saving(gate, db);
    }

    // Transactions (on SQLite, BEGIN IMMEDIATE: a transaction is a write from its begin).
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is { } db)
        {
            gate.Take(db, Writer, WriteGate.Hold.Transaction);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await gate.TakeAsync(db, Writer, WriteGate.Hold.Transaction, cancellationToken);
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (eventData.Context is { } db)
        {
            gate.Began(db, result);
        }

        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        TransactionStarted(connection, eventData, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context, transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context, transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(eventData.Context, transaction);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback (<see cref="TurnKeepingTransactionFactory"/>): its turn ends.</summary>
    public void TransactionDisposed(DbContext db, DbTransaction transaction) => gate.Ended(db, transaction);

    // Write statements outside a save: ExecuteUpdate, ExecuteDelete and raw SQL run as non-queries.
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            gate.Take(db, Writer, WriteGate.Hold.Statement);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await gate.TakeAsync(db, Writer, WriteGate.Hold.Statement, cancellationToken);
        }

        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(eventData.Context, WriteGate.Hold.Statement);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(eventData.Context, WriteGate.Hold.Statement);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (eventData.ExecuteMethod == DbCommandMethod.ExecuteNonQuery)
        {
            Leave(eventData.Context, WriteGate.Hold.Statement);
        }
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData)
    {
        if (eventData.ExecuteMethod == DbCommandMethod.ExecuteNonQuery)
        {
            Leave(eventData.Context, WriteGate.Hold.Statement);
        }
    }

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandCanceled(command, eventData);
        return Task.CompletedTask;
    }

    // The context's connection going: whatever it held is handed back (a transaction left open, a failed begin).
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } db)
        {
            gate.Gone(db);
        }

        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ConnectionDisposing(connection, eventData, result);
        return ValueTask.FromResult(result);
    }

    private sealed class Saving(WriteGate gate, DbContext db) : IDisposable
    {
        public void Dispose() => gate.Leave(db, WriteGate.Hold.Save);
    }

    private void Leave(DbContext? db, WriteGate.Hold hold)
    {
        if (db is not null)
        {
            gate.Leave(db, hold);
        }
    }

    private void Ended(DbContext? db, DbTransaction transaction)
    {
        if (db is not null)
        {
            gate.Ended(db, transaction);
        }
    }
}
