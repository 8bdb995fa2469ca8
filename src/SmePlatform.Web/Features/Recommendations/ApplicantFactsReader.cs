using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// Registered businesses' facts as the eligibility engine reads them, from their profiles (once-only: the same
/// values their applications are prefilled with): size facts, address, founding date, purposes, ownership (when any
/// shareholder or officer is registered), the taxable income of the last three years, and their applications.
/// One business for a page, or a batch of thousands for a push: the same few queries either way.
/// </summary>
public sealed class ApplicantFactsReader(SmeDbContext db)
{
    public async Task<ApplicantFacts?> ForBusinessAsync(int businessId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(businessId - 1, businessId, null, cancellationToken)).Values.FirstOrDefault();

    /// <summary>The next <paramref name="count"/> businesses after <paramref name="afterId"/> by id, keyed by id.</summary>
    /// <param name="afterId">The last id of the previous batch (0 to start).</param>
    /// <param name="count">How many businesses.</param>
    /// <param name="measureId">Read only the applications of this measure (all a push needs to know), or null for all.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public async Task<Dictionary<int, ApplicantFacts>> BatchAsync(int afterId, int count, int? measureId, CancellationToken cancellationToken = default)
    {
        var ids = db.Businesses.Where(b => b.Id > afterId).OrderBy(b => b.Id).Select(b => b.Id);
        var lastId = await ids.Skip(count - 1).FirstOrDefaultAsync(cancellationToken);
        return await ReadAsync(afterId, lastId == 0 ? int.MaxValue : lastId, measureId, cancellationToken);
    }

    /// <summary>
    /// The businesses with ids in (<paramref name="afterId"/>, <paramref name="lastId"/>]: every table read by a range of
    /// its business-id index (a list of ids would leave SQLite guessing, and scanning).
    /// </summary>
    private async Task<Dictionary<int, ApplicantFacts>> ReadAsync(int afterId, int lastId, int? measureId, CancellationToken cancellationToken)
    {
        var businesses = await db.Businesses.AsNoTracking().Where(b => b.Id > afterId && b.Id <= lastId)
            .Select(b => new { b.Id, b.LegalForm, b.IndustryMajor, b.IndustryMiddle, b.IndustryMinor, b.CapitalYen, b.RegularEmployees, b.PrefectureCode, b.FoundedOn })
            .ToListAsync(cancellationToken);
        if (businesses.Count == 0)
        {
            return [];
        }

        var purposes = (await db.Businesses.AsNoTracking().Where(b => b.Id > afterId && b.Id <= lastId).SelectMany(b => b.Purposes, (b, p) => new { BusinessId = b.Id, p.Purpose })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.BusinessId, p => p.Purpose);
        var holders = (await db.Set<ShareholderRecord>().AsNoTracking().Where(h => h.BusinessId > afterId && h.BusinessId <= lastId).ToListAsync(cancellationToken)).ToLookup(h => h.BusinessId);
        var officers = (await db.Set<OfficerRecord>().AsNoTracking().Where(o => o.BusinessId > afterId && o.BusinessId <= lastId).ToListAsync(cancellationToken)).ToLookup(o => o.BusinessId);
        var incomes = (await db.FinancialYears.AsNoTracking().Where(y => y.BusinessId > afterId && y.BusinessId <= lastId)
                .Select(y => new { y.BusinessId, y.ClosingDate, y.TaxableIncome }).ToListAsync(cancellationToken))
            .ToLookup(y => y.BusinessId);
        var applications = (await db.Applications.AsNoTracking()
                .Where(a => a.BusinessId > afterId && a.BusinessId <= lastId && a.Status != ApplicationStatus.Draft && (measureId == null || a.MeasureId == measureId))
                .Select(a => new { a.BusinessId, a.MeasureId, a.Status }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(a => a.BusinessId);

        return businesses.ToDictionary(b => b.Id, b =>
        {
            var lastThree = incomes[b.Id].OrderByDescending(y => y.ClosingDate).Take(3).Select(y => y.TaxableIncome).ToList();
            var ownership = !holders[b.Id].Any() && !officers[b.Id].Any() ? null : new OwnershipFacts(
                [.. holders[b.Id].Select(h => new Shareholder(h.SharePercent, h.IsLargeEnterprise, h.IsDeemedLarge))],
                [.. officers[b.Id].Select(o => new Officer(o.AtLargeEnterprise, o.AtDeemedLargeFirm))],
                lastThree is [{ } x, { } y, { } z] ? [x, y, z] : null);
            return new ApplicantFacts(
                b.LegalForm,
                IndustryCode.Of(b.IndustryMajor, b.IndustryMiddle, b.IndustryMinor),
                b.CapitalYen,
                b.RegularEmployees,
                b.PrefectureCode,
                b.FoundedOn,
                purposes[b.Id].ToHashSet(),
                ownership,
                ReceivedMeasureIds: applications[b.Id].Where(a => ApplicationLifecycle.IsGranted(a.Status)).Select(a => a.MeasureId).ToHashSet(),
                AppliedMeasureIds: applications[b.Id].Where(a => a.Status != ApplicationStatus.Withdrawn).Select(a => a.MeasureId).ToHashSet());
        });
    }
}
