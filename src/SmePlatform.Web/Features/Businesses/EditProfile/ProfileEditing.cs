using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.EditProfile;

/// <summary>
/// The one way the profile's own pages save: the business read tracked, changed through <see cref="Business.Change"/>
/// (which records each changed field with its source) and saved against the version the form started from.
/// </summary>
public static class ProfileEditing
{
    /// <summary>A change the signed-in person declared now.</summary>
    public static ChangeSource SelfDeclared(string userId, TimeProvider clock) =>
        new(ProfileSource.SelfDeclared, userId, (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow().UtcDateTime);

    /// <summary>
    /// Applies <paramref name="edit"/> to the business as of <paramref name="startedFrom"/>: done when saved or when
    /// nothing changed, conflict when someone saved another version meanwhile.
    /// </summary>
    public static async Task<Outcome<Unit>> ChangeAsync(
        this SmeDbContext db, int businessId, int startedFrom, Action<ProfileDraft> edit, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return Outcome.NotFound;
        }

        if (business.Change(edit, source) == 0)
        {
            return Outcome.Done();
        }

        return await db.SaveFromVersionAsync(business, startedFrom, source.AtUtc) ? Outcome.Done() : Outcome.Conflict;
    }
}
