using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.ShowHistory;

/// <summary>The Owner's page of the profile's recorded changes, latest first, each with who made it (null: no such business).</summary>
public sealed class ProfileHistoryQuery(SmeDbContext db) : IUseCase
{
    public async Task<ProfileHistoryPage?> HandleAsync(int businessId, CancellationToken cancellationToken = default)
    {
        var business = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return null;
        }

        var entries = await (
            from change in db.ProfileChanges
            where change.BusinessId == businessId
            join user in db.Users on change.ChangedByUserId equals user.Id into users
            from who in users.DefaultIfEmpty()
            orderby change.ChangedAtUtc descending, change.Id descending
            select new ProfileHistoryEntry(change.ChangedAtUtc, change.Field, change.OldValue, change.NewValue, change.Source, who == null ? "" : who.DisplayName))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new ProfileHistoryPage(business, entries);
    }
}
