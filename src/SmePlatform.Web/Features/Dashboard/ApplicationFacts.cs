using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>What the dashboard needs of one submitted application, in 40 bytes.</summary>
public readonly record struct ApplicationFact(
    int BusinessId, int MeasureId, ApplicationStatus Status, long SubmittedTicks, long DecidedTicks, int SubmittedDay, int DecidedDay,
    byte Prefecture, char Industry, SmeClass? SizeClass, bool Returned)
{
    public bool Decided => DecidedTicks > 0;

    public static ApplicationFact Of(
        int businessId, int measureId, ApplicationStatus status, DateTime submittedUtc, DateTime? decidedUtc, string? prefecture, string? industry,
        SmeClass? sizeClass, bool returned) =>
        new(
            businessId, measureId, status, submittedUtc.Ticks, decidedUtc?.Ticks ?? 0, JapanTime.DateOf(submittedUtc).DayNumber,
            decidedUtc is { } decided ? JapanTime.DateOf(decided).DayNumber : 0,
            byte.TryParse(prefecture, out var code) ? code : (byte)0, industry is [var letter] ? letter : '\0', sizeClass, returned);
}

/// <summary>
/// Every submitted application's <see cref="ApplicationFact"/>, held in memory by the process and brought up to date
/// before each dashboard read: the database stamps every change with the next value of a counter raised in the same
/// transaction (<see cref="SmeDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so one indexed read of the
/// applications stamped after the value last seen catches up exactly, on every instance of the portal. The first read
/// loads them all (a few seconds at a million). Applications are never deleted, so rows only come and change.
/// </summary>
public sealed class ApplicationFacts : IDisposable
{
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly ReaderWriterLockSlim _sync = new();
    private readonly Dictionary<int, int> _slots = [];
    private ApplicationFact[] _facts = [];
    private int _count;
    private long _seen = -1;

    /// <summary>Reads what changed since the last call (everything, the first time) and applies it.</summary>
    public async Task CatchUpAsync(SmeDbContext db, CancellationToken cancellationToken)
    {
        var current = await db.ApplicationChangesAsync(cancellationToken);
        if (current == Volatile.Read(ref _seen))
        {
            return;
        }

        await _catchingUp.WaitAsync(cancellationToken);
        try
        {
            if (current == _seen)
            {
                return;
            }

            // Everything stamped after what was seen; rows of a save committing meanwhile may come too (and come
            // again next time: applying a row twice changes nothing), but none stamped up to `current` is missed.
            var since = _seen;
            var rows = await db.Applications.AsNoTracking()
                .Where(a => a.SubmittedAtUtc != null && (since < 0 || a.ChangeSeq > since))
                .Select(a => new { a.Id, a.BusinessId, a.MeasureId, a.Status, a.SubmittedAtUtc, a.DecidedAtUtc, a.PrefectureCode, a.IndustryMajor, a.SizeClass, a.WasReturned })
                .ToListAsync(cancellationToken);
            _sync.EnterWriteLock();
            try
            {
                foreach (var row in rows)
                {
                    var fact = ApplicationFact.Of(
                        row.BusinessId, row.MeasureId, row.Status, row.SubmittedAtUtc!.Value, row.DecidedAtUtc, row.PrefectureCode, row.IndustryMajor, row.SizeClass,
                        row.WasReturned);
                    if (!_slots.TryGetValue(row.Id, out var slot))
                    {
                        if (_count == _facts.Length)
                        {
                            Array.Resize(ref _facts, Math.Max(1024, _count * 2));
                        }

                        _slots[row.Id] = slot = _count++;
                    }

                    _facts[slot] = fact;
                }

                Volatile.Write(ref _seen, current);
            }
            finally
            {
                _sync.ExitWriteLock();
            }
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>Computes over the facts as they are, with nothing applied meanwhile (readers run side by side).</summary>
    public T Read<T>(Func<ReadOnlySpan<ApplicationFact>, T> compute)
    {
        _sync.EnterReadLock();
        try
        {
            return compute(_facts.AsSpan(0, _count));
        }
        finally
        {
            _sync.ExitReadLock();
        }
    }

    public void Dispose()
    {
        _catchingUp.Dispose();
        _sync.Dispose();
    }
}
