using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Listing;

/// <summary>The editor's list: every measure, or those of one status, most recently changed first, a page at a time.</summary>
public sealed class MeasureListQuery(SmeDbContext db) : IUseCase
{
    private const int PageSize = 50;

    /// <param name="status">Only the measures of this status; null for all.</param>
    /// <param name="page">The page asked for; one out of range shows the nearest.</param>
    public async Task<MeasureListPage> HandleAsync(MeasureStatus? status, int page)
    {
        var query = db.SupportMeasures.AsNoTracking();
        if (status is { } only)
        {
            query = query.Where(m => m.Status == only);
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByDescending(m => m.UpdatedAtUtc).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MeasureListRow(m.Id, m.Slug, m.TitleJa, m.TitleEn, m.Status, m.AcceptanceEndUtc, m.UpdatedAtUtc, m.IsDemo, m.TermsNeedReview))
            .ToListAsync();
        return new MeasureListPage(rows, status, page, pageCount, total);
    }
}
