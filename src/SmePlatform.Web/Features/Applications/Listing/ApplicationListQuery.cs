using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Listing;

/// <summary>The list of a business's applications (the business is already scoped to the person by the route's guard).</summary>
public sealed class ApplicationListQuery(SmeDbContext db) : IUseCase
{
    public async Task<ApplicationListPage> RunAsync(int businessId, CancellationToken cancellationToken = default)
    {
        var business = await db.Businesses.AsNoTracking().FirstAsync(b => b.Id == businessId, cancellationToken);
        var items = await db.Applications.AsNoTracking().Where(a => a.BusinessId == businessId)
            .Join(db.SupportMeasures, a => a.MeasureId, m => m.Id, (a, m) => new ApplicationListItem(a.Id, a.Number, m.TitleJa, m.TitleEn, a.Status, a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new ApplicationListPage(business, [.. items.OrderByDescending(i => i.UpdatedAtUtc)]);
    }
}
