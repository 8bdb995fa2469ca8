using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
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
        var read = Compiled.GetValue(db.Model, _ => new Reads());
        var businesses = await read.BusinessesIn(db, afterId, lastId).ToListAsync(cancellationToken);
        if (businesses.Count == 0)
        {
            return [];
        }

        var purposes = (await read.PurposesIn(db, afterId, lastId).ToListAsync(cancellationToken)).ToLookup(p => p.BusinessId, p => p.Purpose);
        var holders = (await read.ShareholdersIn(db, afterId, lastId).ToListAsync(cancellationToken)).ToLookup(h => h.BusinessId);
        var officers = (await read.OfficersIn(db, afterId, lastId).ToListAsync(cancellationToken)).ToLookup(o => o.BusinessId);
        var incomes = (await read.IncomesIn(db, afterId, lastId).ToListAsync(cancellationToken)).ToLookup(y => y.BusinessId);
        var applications = (await read.ApplicationsIn(db, afterId, lastId, measureId).ToListAsync(cancellationToken)).ToLookup(a => a.BusinessId);

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

    // The six reads, compiled once for each model (a compiled query refuses a model other than the one it was compiled
    // for, and each app built in a process, as in the tests, has a model of its own): every page with an eligibility
    // verdict runs them (the check page and the submission each run all six), and building and looking up the LINQ
    // queries cost more than running them.
    private static readonly ConditionalWeakTable<IModel, Reads> Compiled = [];

    private sealed class Reads
    {
        public readonly Func<SmeDbContext, int, int, IAsyncEnumerable<BusinessRow>> BusinessesIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId) => db.Businesses.AsNoTracking().Where(b => b.Id > afterId && b.Id <= lastId)
                .Select(b => new BusinessRow(b.Id, b.LegalForm, b.IndustryMajor, b.IndustryMiddle, b.IndustryMinor, b.CapitalYen, b.RegularEmployees, b.PrefectureCode, b.FoundedOn)));

        public readonly Func<SmeDbContext, int, int, IAsyncEnumerable<PurposeRow>> PurposesIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId) => db.Businesses.AsNoTracking().Where(b => b.Id > afterId && b.Id <= lastId)
                .SelectMany(b => b.Purposes, (b, p) => new PurposeRow(b.Id, p.Purpose)));

        public readonly Func<SmeDbContext, int, int, IAsyncEnumerable<ShareholderRecord>> ShareholdersIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId) => db.Set<ShareholderRecord>().AsNoTracking().Where(h => h.BusinessId > afterId && h.BusinessId <= lastId));

        public readonly Func<SmeDbContext, int, int, IAsyncEnumerable<OfficerRecord>> OfficersIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId) => db.Set<OfficerRecord>().AsNoTracking().Where(o => o.BusinessId > afterId && o.BusinessId <= lastId));

        public readonly Func<SmeDbContext, int, int, IAsyncEnumerable<IncomeRow>> IncomesIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId) => db.FinancialYears.AsNoTracking().Where(y => y.BusinessId > afterId && y.BusinessId <= lastId)
                .Select(y => new IncomeRow(y.BusinessId, y.ClosingDate, y.TaxableIncome)));

        public readonly Func<SmeDbContext, int, int, int?, IAsyncEnumerable<ApplicationRow>> ApplicationsIn = EF.CompileAsyncQuery(
            (SmeDbContext db, int afterId, int lastId, int? measureId) => db.Applications.AsNoTracking()
                .Where(a => a.BusinessId > afterId && a.BusinessId <= lastId && a.Status != ApplicationStatus.Draft && (measureId == null || a.MeasureId == measureId))
                .Select(a => new ApplicationRow(a.BusinessId, a.MeasureId, a.Status)).Distinct());
    }

    private sealed record BusinessRow(
        int Id, LegalForm LegalForm, string? IndustryMajor, string? IndustryMiddle, string? IndustryMinor, long? CapitalYen, int? RegularEmployees,
        string? PrefectureCode, DateOnly? FoundedOn);

    private sealed record PurposeRow(int BusinessId, Purpose Purpose);

    private sealed record IncomeRow(int BusinessId, DateOnly ClosingDate, long? TaxableIncome);

    private sealed record ApplicationRow(int BusinessId, int MeasureId, ApplicationStatus Status);
}
