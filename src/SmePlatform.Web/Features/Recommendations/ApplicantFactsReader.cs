using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// A registered business's facts as the eligibility engine reads them, from its profile (once-only: the same
/// values its applications are prefilled with): size facts, address, founding date, purposes, ownership (when any
/// shareholder or officer is registered), the taxable income of its last three years, and its applications.
/// </summary>
public sealed class ApplicantFactsReader(SmeDbContext db)
{
    public async Task<ApplicantFacts?> ForBusinessAsync(int businessId, CancellationToken cancellationToken = default)
    {
        var business = await db.Businesses.AsNoTracking().AsSplitQuery()
            .Include(b => b.Purposes).Include(b => b.Shareholders).Include(b => b.Officers)
            .FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return null;
        }

        var incomes = await db.FinancialYears.AsNoTracking()
            .Where(y => y.BusinessId == businessId)
            .OrderByDescending(y => y.ClosingDate)
            .Take(3)
            .Select(y => y.TaxableIncome)
            .ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.BusinessId == businessId && a.Status != ApplicationStatus.Draft)
            .Select(a => new { a.MeasureId, a.Status })
            .ToListAsync(cancellationToken);

        var ownership = business.Shareholders.Count + business.Officers.Count == 0 ? null : new OwnershipFacts(
            [.. business.Shareholders.Select(h => new Shareholder(h.SharePercent, h.IsLargeEnterprise, h.IsDeemedLarge))],
            [.. business.Officers.Select(o => new Officer(o.AtLargeEnterprise, o.AtDeemedLargeFirm))],
            incomes is [{ } a, { } b, { } c] ? [a, b, c] : null);
        return new ApplicantFacts(
            business.LegalForm,
            business.Industry,
            business.CapitalYen,
            business.RegularEmployees,
            business.PrefectureCode,
            business.FoundedOn,
            business.Purposes.Select(p => p.Purpose).ToHashSet(),
            ownership,
            ReceivedMeasureIds: applications.Where(a => a.Status == ApplicationStatus.GrantDecided).Select(a => a.MeasureId).ToHashSet(),
            AppliedMeasureIds: applications.Where(a => a.Status != ApplicationStatus.Withdrawn).Select(a => a.MeasureId).ToHashSet());
    }
}
