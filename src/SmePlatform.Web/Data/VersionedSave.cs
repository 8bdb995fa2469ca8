using Microsoft.EntityFrameworkCore;

namespace SmePlatform.Web.Data;

public static class VersionedSave
{
    /// <summary>
    /// Saves against the version the editor started from: the UPDATE matches that version and raises it, so two
    /// saves of the same version cannot both succeed (EF Core's concurrency token, on every provider). False, with
    /// nothing saved and the change tracker cleared, when someone else saved first.
    /// </summary>
    public static async Task<bool> SaveFromVersionAsync(this DbContext db, IVersioned record, int startedFrom, DateTime nowUtc)
    {
        db.Entry(record).Property(nameof(IVersioned.Version)).OriginalValue = startedFrom;
        record.Version = startedFrom + 1;
        record.UpdatedAtUtc = nowUtc;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
