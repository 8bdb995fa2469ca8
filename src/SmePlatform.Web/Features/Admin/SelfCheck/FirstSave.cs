using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>The first save of a benchmark record (thresholds or cut-offs), which has no version to save against yet.</summary>
public static class FirstSave
{
    /// <summary>
    /// Saves a record loaded for the first time. A form that showed a version was for a record that exists now (someone
    /// else loaded it first), and so does a unique key refusing the insert: both are someone else's save.
    /// </summary>
    public static async Task<bool> SaveNewAsync(SmeDbContext db, IVersioned record, int startedFrom, DateTime now)
    {
        if (startedFrom != 0)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        (record.Version, record.UpdatedAtUtc) = (1, now);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException exception) when (!DatabaseBusy.Is(exception))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
