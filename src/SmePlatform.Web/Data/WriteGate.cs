using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Data;

/// <summary>
/// SQLite has one writer at a time; a writer that finds the lock taken sleeps and retries (the busy timeout), in
/// growing steps, so under concurrent writes some wait far longer than the queue ahead of them. Writes pass through this
/// gate first — taken for them by <see cref="WriteTurnInterceptor"/> around each save, transaction and write statement,
/// so no feature takes it — and on SQLite they take turns in the process, in order, and find the lock free; on SQL
/// Server, which locks rows, the gate lets everyone through. A person's write waits its bound at most
/// (<see cref="DatabaseOptions.WriteTimeoutSeconds"/>), then fails with <see cref="DatabaseBusyException"/>: they are told
/// the service is busy rather than kept waiting. Background work's writes wait as long as it takes and break no pause
/// (<see cref="QuietAsync"/>). A context's turn is its own: a save inside a transaction inside an explicit turn takes
/// the one turn once, and the turn ends when the last of them does.
/// </summary>
public sealed class WriteGate(TimeProvider clock, IOptions<DatabaseOptions>? options = null) : IDatabaseWrites, IDisposable
{
    /// <summary>How long writes must have paused before background work goes on.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest background work waits for a pause: it is delayed, never starved.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Turn> _turns = [];
    private readonly TimeSpan _bound = options?.Value.WriteTimeout ?? new DatabaseOptions().WriteTimeout;
    private long _lastEntry = clock.GetTimestamp();
    private long _lastBusyTicks;

    /// <summary>Whose write it is: a person's waits its bound and counts as activity; background work's waits as long as it takes.</summary>
    internal enum Writer
    {
        Person,
        Background,
    }

    /// <summary>What a turn is held for.</summary>
    internal enum Hold
    {
        /// <summary>An explicit turn (<see cref="EnterAsync"/>), until disposed.</summary>
        Explicit,

        /// <summary>A save, until it ends.</summary>
        Save,

        /// <summary>A write statement outside a save (ExecuteUpdate, ExecuteDelete, raw SQL), until it ends.</summary>
        Statement,

        /// <summary>A transaction, from its begin to its end.</summary>
        Transaction,
    }

    /// <inheritdoc/>
    public TimeSpan Bound => _bound;

    /// <inheritdoc/>
    public DateTime? LastBusyAtUtc => Interlocked.Read(ref _lastBusyTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>A person's turn for <paramref name="db"/>, held until disposed; waits <see cref="Bound"/> at most (then <see cref="DatabaseBusyException"/>).</summary>
    public async Task<IDisposable> EnterAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        await TakeAsync(db, Writer.Person, Hold.Explicit, cancellationToken);
        return new Leaving(this, db);
    }

    /// <summary>Background work's turn for <paramref name="db"/>, held until disposed: no pause is waited for, none is broken.</summary>
    public async Task<IDisposable> EnterInBackgroundAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        await TakeAsync(db, Writer.Background, Hold.Explicit, cancellationToken);
        return new Leaving(this, db);
    }

    /// <summary>A turn if one comes within <paramref name="wait"/> (the readiness probe); null otherwise. Breaks no pause.</summary>
    public async Task<IDisposable?> TryEnterAsync(DbContext db, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var turn = Arrive(db, Writer.Background);
        if (!turn.Holding && db.Database.IsSqlite())
        {
            if (!await _sqliteWriter.WaitAsync(wait, cancellationToken))
            {
                return null;
            }

            turn.Held = _sqliteWriter;
        }

        turn.Add(Hold.Explicit);
        return new Leaving(this, db);
    }

    /// <inheritdoc/>
    public void RecordBusy() => Interlocked.Exchange(ref _lastBusyTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>
    /// Waits until no person's write has passed the gate for <see cref="Quiet"/>, or <see cref="LongestWait"/> at most.
    /// </summary>
    public async Task QuietAsync(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(Volatile.Read(ref _lastEntry)) < Quiet && clock.GetElapsedTime(started) < LongestWait)
        {
            await Task.Delay(Quiet, clock, cancellationToken);
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();

    /// <summary>
    /// Takes <paramref name="db"/>'s turn for <paramref name="writer"/>, or joins the one the context holds already; the
    /// hold is handed back with <see cref="Leave"/> (a transaction's with <see cref="Began"/> and <see cref="Ended"/>).
    /// </summary>
    internal async Task TakeAsync(DbContext db, Writer writer, Hold hold, CancellationToken cancellationToken)
    {
        var turn = Arrive(db, writer);
        if (!turn.Holding && db.Database.IsSqlite())
        {
            if (!await _sqliteWriter.WaitAsync(Wait(writer), cancellationToken))
            {
                throw Busy();
            }

            turn.Held = _sqliteWriter;
        }

        turn.Add(hold);
    }

    /// <summary>The same as <see cref="TakeAsync"/>, for EF's synchronous calls.</summary>
    internal void Take(DbContext db, Writer writer, Hold hold)
    {
        var turn = Arrive(db, writer);
        if (!turn.Holding && db.Database.IsSqlite())
        {
            if (!_sqliteWriter.Wait(Wait(writer)))
            {
                throw Busy();
            }

            turn.Held = _sqliteWriter;
        }

        turn.Add(hold);
    }

    /// <summary>Hands back one hold: the turn ends with the last of the context's holds.</summary>
    internal void Leave(DbContext db, Hold hold = Hold.Explicit)
    {
        if (_turns.TryGetValue(db, out var turn))
        {
            turn.Remove(hold);
            EndIfDone(db, turn);
        }
    }

    /// <summary>A transaction began on <paramref name="db"/> under a turn taken for it: the turn is now the transaction's, until it ends.</summary>
    internal void Began(DbContext db, DbTransaction transaction)
    {
        if (_turns.TryGetValue(db, out var turn) && turn.Beginning)
        {
            turn.Beginning = false;
            turn.Transaction = transaction;
        }
    }

    /// <summary>The transaction ended, committed or rolled back (one disposed without either is noticed at the context's next write).</summary>
    internal void Ended(DbContext db, DbTransaction transaction)
    {
        if (_turns.TryGetValue(db, out var turn))
        {
            if (turn.Transaction == transaction)
            {
                turn.Transaction = null;
            }

            EndIfDone(db, turn);
        }
    }

    /// <summary>The context's connection is going: whatever it holds is handed back.</summary>
    internal void Gone(DbContext db)
    {
        if (_turns.TryGetValue(db, out var turn))
        {
            turn.Clear();
            Release(turn);
        }
    }

    private Turn Arrive(DbContext db, Writer writer)
    {
        if (writer == Writer.Person)
        {
            Volatile.Write(ref _lastEntry, clock.GetTimestamp());
        }

        var turn = _turns.GetValue(db, _ => new Turn());
        Reconcile(db, turn);
        // A context runs one command at a time: a statement still counted when the next operation starts has ended.
        turn.Remove(Hold.Statement);
        return turn;
    }

    private TimeSpan Wait(Writer writer) => writer == Writer.Person ? _bound : Timeout.InfiniteTimeSpan;

    private static void EndIfDone(DbContext db, Turn turn)
    {
        Reconcile(db, turn);
        if (!turn.Holding)
        {
            Release(turn);
        }
    }

    /// <summary>
    /// Events EF does not raise, seen afterwards: a transaction disposed without commit or rollback is over when the
    /// context no longer has it; a begin that failed left no transaction (a successful one is reported at once).
    /// </summary>
    private static void Reconcile(DbContext db, Turn turn)
    {
        var current = db.Database.CurrentTransaction?.GetDbTransaction();
        if (turn.Transaction is { } held && current != held)
        {
            turn.Transaction = null;
        }

        if (turn.Beginning && current is null)
        {
            turn.Beginning = false;
        }
    }

    private static void Release(Turn turn)
    {
        turn.Held?.Release();
        turn.Held = null;
    }

    private DatabaseBusyException Busy()
    {
        RecordBusy();
        return new DatabaseBusyException();
    }

    /// <summary>What a context holds its turn for: explicit turns, saves and statements in progress, a transaction (beginning or open).</summary>
    private sealed class Turn
    {
        private int _explicit;
        private int _saves;
        private int _statements;

        public bool Beginning { get; set; }

        public DbTransaction? Transaction { get; set; }

        /// <summary>The writer's semaphore, while this context holds it (SQLite).</summary>
        public SemaphoreSlim? Held { get; set; }

        public bool Holding => _explicit > 0 || _saves > 0 || _statements > 0 || Beginning || Transaction is not null;

        public void Add(Hold hold)
        {
            switch (hold)
            {
                case Hold.Explicit:
                    _explicit++;
                    break;
                case Hold.Save:
                    _saves++;
                    break;
                case Hold.Statement:
                    _statements++;
                    break;
                default:
                    Beginning = true;
                    break;
            }
        }

        /// <summary>Hands one back; one never taken (its taking failed) is nothing to hand back.</summary>
        public void Remove(Hold hold)
        {
            switch (hold)
            {
                case Hold.Explicit:
                    _explicit = Math.Max(0, _explicit - 1);
                    break;
                case Hold.Save:
                    _saves = Math.Max(0, _saves - 1);
                    break;
                case Hold.Statement:
                    _statements = Math.Max(0, _statements - 1);
                    break;
                default:
                    Beginning = false;
                    break;
            }
        }

        public void Clear()
        {
            (_explicit, _saves, _statements, Beginning, Transaction) = (0, 0, 0, false, null);
        }
    }

    private sealed class Leaving(WriteGate gate, DbContext db) : IDisposable
    {
        private bool _left;

        public void Dispose()
        {
            if (!_left)
            {
                _left = true;
                gate.Leave(db);
            }
        }
    }
}
