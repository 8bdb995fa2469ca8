using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Catalogue.Detail;

/// <summary>
/// A measure's public page: whether it takes applications now, measures for the same purposes, and whether it can be
/// applied for on the portal. Null for no such measure, and for a draft (only published and archived ones are public).
/// </summary>
public sealed class MeasureDetailQuery(CatalogueIndex index, SmeDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<MeasureDetailPage?> HandleAsync(string slug, CancellationToken cancellationToken)
    {
        var measure = await db.SupportMeasures.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Slug == slug && m.Status != MeasureStatus.Draft, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = Acceptance.At(measure.AcceptanceStartUtc, measure.AcceptanceEndUtc, now);
        var related = await index.RelatedAsync(measure.Id, [.. measure.Purposes.Select(p => p.Purpose)], 3, cancellationToken);
        var online = await db.ApplicationForms.AnyAsync(f => f.MeasureId == measure.Id, cancellationToken);
        return new MeasureDetailPage(measure, state, now, related, online);
    }
}
