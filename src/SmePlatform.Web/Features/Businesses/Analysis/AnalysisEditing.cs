using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>The business with its analysis tables, tracked, for a change through its methods (null: no such business).</summary>
internal static class AnalysisEditing
{
    public static Task<Business?> WithAnalysisAsync(this SmeDbContext db, int businessId, CancellationToken cancellationToken) =>
        db.Businesses
            .Include(b => b.FinancialYears)
            .Include(b => b.Shareholders)
            .Include(b => b.Officers)
            .AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
}
