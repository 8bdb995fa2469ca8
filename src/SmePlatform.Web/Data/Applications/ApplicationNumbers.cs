using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data.Applications;

/// <summary>
/// Hands out applications' numbers (<c>2026-MONO-000123</c>) in the caller's transaction: the next of a prefix (a year
/// and form code) with no gaps, since a failed submission rolls its number back, and no duplicates, since the counter's
/// row stays locked until the transaction ends. One implementation per provider (Data/Providers), chosen with it.
/// </summary>
public interface IApplicationNumbers
{
    /// <summary>The next number of <paramref name="prefix"/>; called inside the submitting transaction.</summary>
    Task<string> NextAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>What every provider's counter does alike: the first number of a prefix makes its row; the raise is the provider's.</summary>
public abstract class ApplicationNumbers(SmeDbContext db) : IApplicationNumbers
{
    protected SmeDbContext Db { get; } = db;

    public async Task<string> NextAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var last = await RaiseAsync(prefix, cancellationToken);
        if (last is null)
        {
            var first = Db.ApplicationNumberCounters.Add(new ApplicationNumberCounter { Prefix = prefix, Last = 1 });
            try
            {
                await Db.SaveChangesAsync(cancellationToken);
                last = 1;
            }
            catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
            {
                // Another first submission of the year made the row: take the next number from it.
                first.State = EntityState.Detached;
                last = await RaiseAsync(prefix, cancellationToken);
            }
        }

        return $"{prefix}-{last:D6}";
    }

    /// <summary>The prefix's counter raised by one and read back, or null when the prefix has none yet.</summary>
    protected abstract Task<int?> RaiseAsync(string prefix, CancellationToken cancellationToken);
}
