using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>The business's fiscal years, latest first (the financials page's list).</summary>
public sealed class FinancialYearsQuery(SmeDbContext db) : IUseCase
{
    public async Task<List<FinancialYear>> HandleAsync(int businessId, CancellationToken cancellationToken = default) =>
        await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId == businessId).OrderByDescending(y => y.ClosingDate).ToListAsync(cancellationToken);
}

/// <summary>The ownership page: shareholders and officers in the order added, and the deemed-large verdict they give.</summary>
public sealed class OwnershipQuery(SmeDbContext db) : IUseCase
{
    public async Task<OwnershipPage> HandleAsync(int businessId, ShareholderForm shareholder, OfficerForm officer, CancellationToken cancellationToken = default)
    {
        var holders = await db.Shareholders.AsNoTracking().Where(s => s.BusinessId == businessId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.BusinessId == businessId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var verdict = DeemedLarge.Test(
            [.. holders.Select(h => new Shareholder(h.SharePercent, h.IsLargeEnterprise, h.IsDeemedLarge))],
            [.. officers.Select(o => new Officer(o.AtLargeEnterprise, o.AtDeemedLargeFirm))]);
        return new OwnershipPage(businessId, holders, officers, verdict, shareholder, officer);
    }
}

/// <summary>The activities page's values.</summary>
public sealed class ActivitiesQuery(SmeDbContext db) : IUseCase
{
    public async Task<ActivitiesForm> HandleAsync(int businessId, CancellationToken cancellationToken = default) =>
        ActivitiesForm.From(await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).Select(b => b.Activities).FirstAsync(cancellationToken));
}
