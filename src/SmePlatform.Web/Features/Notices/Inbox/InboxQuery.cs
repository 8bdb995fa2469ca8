using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices.Inbox;

/// <summary>
/// The person's inbox, the newest notices first (a match job's notices as one entry). Opening it marks them all read:
/// the one write a page read makes, so that the count in the menu goes to zero.
/// </summary>
public sealed class InboxQuery(SmeDbContext db, CatalogueIndex catalogue, TimeProvider clock) : IUseCase
{
    public async Task<NoticesPage> HandleAsync(string userId)
    {
        var notices = await db.Notices.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(InboxEntry.RowsRead).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notices.Where(n => n.UserId == userId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
        return new NoticesPage([.. InboxEntry.Group(notices).Take(100)], (await catalogue.MeasuresAsync()).ToDictionary(m => m.Id));
    }
}
