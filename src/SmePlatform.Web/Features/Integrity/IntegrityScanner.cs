using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// The scan: every rule over every claiming application (submitted and on, not withdrawn or turned down), in batches
/// of businesses by id. What crosses businesses is read once first, into maps: the claims naming an invoice another
/// business names too (the database groups the stored invoice keys), the businesses sharing a representative and
/// address, each measure's deemed-large choice. Each batch then reads its businesses' facts and claims with range
/// reads, judges them (<see cref="IntegrityInspector.Judge"/>), raises and clears flags in one save (background work:
/// its writes wait behind people's), and writes its progress on the scan's row for staff to see.
/// </summary>
public sealed class IntegrityScanner(SmeDbContext db, IntegrityInspector inspector, ApplicantFactsReader applicants, TimeProvider clock)
{
    public const int BusinessesPerBatch = 2000;

    public async Task RunAsync(long scanId, CancellationToken cancellationToken)
    {
        var claiming = IntegrityInspector.Claiming;
        var total = await db.Applications.CountAsync(a => claiming.Contains(a.Status), cancellationToken);
        await ProgressAsync(scanId, s => s
            .SetProperty(x => x.State, ScanState.Running)
            .SetProperty(x => x.StartedAtUtc, clock.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.Total, total), cancellationToken);

        // The invoices two businesses name (planned or reported), found by the database grouping the stored invoice
        // keys; then the claims naming them, by invoice.
        var claimingApplications = db.Applications.Where(a => claiming.Contains(a.Status));
        var named = db.ExpenseLines.Where(e => e.InvoiceKey != null).Join(claimingApplications, e => e.ApplicationId, a => a.Id, (e, a) => new { e.InvoiceKey, a.BusinessId })
            .Concat(db.ReportLines.Where(e => e.InvoiceKey != null).Join(claimingApplications, e => e.ApplicationId, a => a.Id, (e, a) => new { e.InvoiceKey, a.BusinessId }));
        var shared = await named.GroupBy(n => n.InvoiceKey!).Where(g => g.Min(n => n.BusinessId) != g.Max(n => n.BusinessId)).Select(g => g.Key).ToListAsync(cancellationToken);
        var byInvoice = new List<(string Key, Claim Claim)>();
        foreach (var keys in shared.Chunk(1000))
        {
            // A list of keys, in chunks within every provider's parameter limit (there are few: each is a finding).
            var naming = db.ExpenseLines.Where(e => keys.Contains(e.InvoiceKey!)).Select(e => e.ApplicationId)
                .Concat(db.ReportLines.Where(e => keys.Contains(e.InvoiceKey!)).Select(e => e.ApplicationId));
            byInvoice.AddRange((await IntegrityInspector.ClaimsAsync(claimingApplications.Where(a => naming.Contains(a.Id)), cancellationToken))
                .SelectMany(c => c.Lines.Select(l => l.InvoiceKey).OfType<string>().Distinct().Select(key => (key, c))));
        }

        var claimsByInvoice = byInvoice.DistinctBy(x => (x.Key, x.Claim.ApplicationId)).ToLookup(x => x.Key, x => x.Claim, StringComparer.Ordinal);

        // Businesses sharing a representative and an address, by business.
        var sized = await IntegrityInspector.SizedBusinesses(db.Businesses.Where(b => b.RepresentativeName != null)).ToListAsync(cancellationToken);
        var sharing = sized.Where(b => b.SharedKey is not null).GroupBy(b => b.SharedKey!).Where(g => g.Skip(1).Any())
            .SelectMany(g => g.Select(b => (b, Group: g.ToList()))).ToDictionary(x => x.b.BusinessId, x => x);
        var exclusions = await db.SupportMeasures.AsNoTracking().Select(m => new { m.Id, m.Eligibility.DeemedLarge }).ToDictionaryAsync(m => m.Id, m => m.DeemedLarge, cancellationToken);

        for (var after = 0; ;)
        {
            var facts = await applicants.BatchAsync(after, BusinessesPerBatch, null, cancellationToken);
            if (facts.Count == 0)
            {
                break;
            }

            var last = facts.Keys.Max();
            var first = after;
            var applications = db.Applications.Where(a => a.BusinessId > first && a.BusinessId <= last && claiming.Contains(a.Status));
            var measures = await applications.Select(a => new { a.Id, a.MeasureId }).ToDictionaryAsync(a => a.Id, a => a.MeasureId, cancellationToken);
            var claims = (await IntegrityInspector.ClaimsAsync(applications, cancellationToken)).ToLookup(c => c.BusinessId);
            var findings = new Dictionary<int, IReadOnlyList<Finding>>();
            foreach (var claim in claims.SelectMany(c => c))
            {
                var others = claim.Lines.Select(l => l.InvoiceKey).OfType<string>().Distinct().SelectMany(k => claimsByInvoice[k]);
                var group = sharing.GetValueOrDefault(claim.BusinessId);
                findings[claim.ApplicationId] = inspector.Judge(
                    claim, claims[claim.BusinessId], others, facts.GetValueOrDefault(claim.BusinessId),
                    exclusions.GetValueOrDefault(measures[claim.ApplicationId]), group.b, group.Group ?? []);
            }

            var (raised, cleared) = await inspector.RaiseAsync(findings, applications, FlagSource.Scan, cancellationToken);
            db.ChangeTracker.Clear();
            await ProgressAsync(scanId, s => s
                .SetProperty(x => x.Done, x => x.Done + findings.Count)
                .SetProperty(x => x.Raised, x => x.Raised + raised)
                .SetProperty(x => x.Cleared, x => x.Cleared + cleared), cancellationToken);

            after = last;
        }

        await ProgressAsync(scanId, s => s.SetProperty(x => x.State, ScanState.Finished).SetProperty(x => x.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    private Task<int> ProgressAsync(
        long scanId, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<IntegrityScan>> set, CancellationToken cancellationToken) =>
        db.IntegrityScans.Where(s => s.Id == scanId).ExecuteUpdateAsync(set, cancellationToken);
}
