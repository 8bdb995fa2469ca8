using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// Runs the integrity checks (<see cref="IntegrityChecks"/>) on one application: finds the candidates through the
/// database's indexes (the business's other claims, the lines naming the same issuers, the businesses of the same
/// representative), judges them with the pure rules, and keeps what it found as flags for staff.
/// </summary>
public sealed class IntegrityInspector(SmeDbContext db, SmeDefinition sme, ApplicantFactsReader applicants, TimeProvider clock)
{
    /// <summary>The statuses whose expense lines are claims: submitted and on, not withdrawn and not turned down.</summary>
    public static readonly IReadOnlyList<ApplicationStatus> Claiming =
    [
        ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted,
        ApplicationStatus.Selected, ApplicationStatus.GrantDecided, ApplicationStatus.ReportSubmitted, ApplicationStatus.ReportReturned,
        ApplicationStatus.AmountConfirmed, ApplicationStatus.Paid,
    ];

    /// <summary>The findings on the application as it is now (its lines, its business's profile).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="facts">Its business's facts when the caller has read them already; read here otherwise.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<IReadOnlyList<Finding>> InspectAsync(int applicationId, ApplicantFacts? facts = null, CancellationToken cancellationToken = default)
    {
        var claim = (await ClaimsAsync(db.Applications.Where(a => a.Id == applicationId), cancellationToken)).SingleOrDefault();
        if (claim is null)
        {
            return [];
        }

        var sameBusiness = await ClaimsAsync(
            db.Applications.Where(a => a.BusinessId == claim.BusinessId && a.Id != applicationId && Claiming.Contains(a.Status)), cancellationToken);
        var invoices = claim.Lines.Select(l => l.InvoiceKey).OfType<string>().Distinct().ToList();
        var naming = db.ExpenseLines.Where(e => invoices.Contains(e.InvoiceKey!)).Select(e => e.ApplicationId)
            .Concat(db.ReportLines.Where(e => invoices.Contains(e.InvoiceKey!)).Select(e => e.ApplicationId));
        var sharingInvoices = invoices.Count == 0
            ? []
            : await ClaimsAsync(db.Applications.Where(a => naming.Contains(a.Id) && a.BusinessId != claim.BusinessId && Claiming.Contains(a.Status)), cancellationToken);
        var exclusion = await db.Applications.Where(a => a.Id == applicationId).Join(db.SupportMeasures, a => a.MeasureId, m => m.Id, (a, m) => m.Eligibility.DeemedLarge)
            .SingleAsync(cancellationToken);
        var sized = await SizedBusinesses(db.Businesses.Where(b => b.Id == claim.BusinessId)).SingleOrDefaultAsync(cancellationToken);
        var sharingKey = sized?.SharedKey is null
            ? []
            : await SizedBusinesses(db.Businesses.Where(b => b.RepresentativeName == sized.Representative && b.Id != claim.BusinessId)).ToListAsync(cancellationToken);
        facts ??= await applicants.ForBusinessAsync(claim.BusinessId, cancellationToken);
        return Judge(claim, sameBusiness, sharingInvoices, facts, exclusion, sized, sharingKey);
    }

    /// <summary>Every rule on one claim, given its candidates (however they were found: by indexed queries here, from the scan's maps).</summary>
    /// <param name="claim">The application's claim.</param>
    /// <param name="sameBusiness">The business's other claiming applications.</param>
    /// <param name="sharingInvoices">Other businesses' claims that may name the same invoices.</param>
    /// <param name="facts">The business's facts from its profile (size, ownership), if any.</param>
    /// <param name="exclusion">Whether the measure excludes deemed-large enterprises, and how.</param>
    /// <param name="sized">The business as the split rule sees it.</param>
    /// <param name="sharingKey">Businesses that may share its representative and address.</param>
    public IReadOnlyList<Finding> Judge(
        Claim claim, IEnumerable<Claim> sameBusiness, IEnumerable<Claim> sharingInvoices, ApplicantFacts? facts, DeemedLargeExclusion exclusion,
        SizedBusiness? sized, IEnumerable<SizedBusiness> sharingKey)
    {
        var findings = new List<Finding>();
        findings.AddRange(IntegrityChecks.DoubleReceipt(claim, sameBusiness));
        findings.AddRange(IntegrityChecks.SharedInvoice(claim, sharingInvoices));
        if (facts?.SizeFacts is { } size)
        {
            var verdict = sme.Classify(size);
            if (IntegrityChecks.BecameLarge(size, verdict) is { } large)
            {
                findings.Add(large);
            }

            if (sized is not null && verdict.Rule is { } limits && IntegrityChecks.SplitToStaySmall(sized, limits, sharingKey) is { } split)
            {
                findings.Add(split);
            }
        }

        if (exclusion != DeemedLargeExclusion.NotExcluded && facts?.Ownership is { } ownership
            && IntegrityChecks.DeemedLarge(DeemedLarge.Test(
                ownership.Shareholders, ownership.Officers, exclusion == DeemedLargeExclusion.ExcludedWithTaxableIncome, ownership.LastThreeYearsTaxableIncomeYen)) is { } deemed)
        {
            findings.Add(deemed);
        }

        return findings;
    }

    /// <summary>Keeps one application's findings as its flags (<see cref="RaiseAsync(IReadOnlyDictionary{int, IReadOnlyList{Finding}}, IQueryable{Application}, FlagSource, CancellationToken)"/>).</summary>
    /// <returns>How many flags were raised.</returns>
    public async Task<int> RaiseAsync(int applicationId, IReadOnlyList<Finding> findings, FlagSource source, CancellationToken cancellationToken = default) =>
        (await RaiseAsync(
            new Dictionary<int, IReadOnlyList<Finding>> { [applicationId] = findings }, db.Applications.Where(a => a.Id == applicationId), source, cancellationToken)).Raised;

    /// <summary>
    /// Keeps the findings as flags of their applications: a new finding is raised (once: the fingerprint is unique per
    /// application), an open flag no longer found is cleared (the data was corrected) and a cleared one found again is
    /// opened again; decided flags stay as decided.
    /// One read and one save for all of them.
    /// </summary>
    /// <param name="byApplication">Each application's findings (none: its open flags are cleared).</param>
    /// <param name="applications">The same applications as a query, whose flags are read (by an index, not a list of ids).</param>
    /// <param name="source">What found them.</param>
    /// <param name="cancellationToken">Stops the read and the save.</param>
    public async Task<(int Raised, int Cleared)> RaiseAsync(
        IReadOnlyDictionary<int, IReadOnlyList<Finding>> byApplication, IQueryable<Application> applications, FlagSource source, CancellationToken cancellationToken = default)
    {
        var ids = applications.Select(a => a.Id);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var flags = (await db.IntegrityFlags.Where(f => ids.Contains(f.ApplicationId)).ToListAsync(cancellationToken)).ToLookup(f => f.ApplicationId);
            var (raised, cleared) = (0, 0);
            foreach (var (applicationId, findings) in byApplication)
            {
                var found = findings.DistinctBy(f => f.Fingerprint).ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
                foreach (var flag in flags[applicationId].Where(f => f.State == FlagState.Open && !found.ContainsKey(f.Fingerprint)))
                {
                    (flag.State, flag.DecidedAtUtc, flag.UpdatedAtUtc) = (FlagState.Cleared, now, now);
                    flag.Version++;
                    cleared++;
                }

                // Cleared, then found again (the data went back): open once more.
                foreach (var flag in flags[applicationId].Where(f => f.State == FlagState.Cleared && found.ContainsKey(f.Fingerprint)))
                {
                    (flag.State, flag.DecidedAtUtc, flag.UpdatedAtUtc) = (FlagState.Open, null, now);
                    flag.Version++;
                    raised++;
                }

                var known = flags[applicationId].Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
                var fresh = found.Values.Where(f => !known.Contains(f.Fingerprint)).Select(f => FlagOf(applicationId, f, source, now)).ToList();
                db.IntegrityFlags.AddRange(fresh);
                raised += fresh.Count;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (raised, cleared);
            }
            catch (DbUpdateException exception) when (attempt < 3 && !DatabaseBusy.Is(exception))
            {
                // The same finding raised at the same moment by another check (the unique index refused the second): read again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static IntegrityFlag FlagOf(int applicationId, Finding finding, FlagSource source, DateTime now) => new()
    {
        ApplicationId = applicationId,
        Rule = finding.Rule,
        Severity = finding.Severity,
        Fingerprint = finding.Fingerprint,
        Explanation = finding.Explanation,
        Values = FlagText.ValuesJson(finding),
        OtherApplicationId = finding.OtherApplicationId,
        Lines = finding.Lines is { Count: > 0 } lines ? JsonSerializer.Serialize(lines) : null,
        OtherBusinessIds = finding.OtherBusinessIds is { Count: > 0 } ids ? JsonSerializer.Serialize(ids) : null,
        RaisedBy = source,
        RaisedAtUtc = now,
        UpdatedAtUtc = now,
        State = FlagState.Open,
    };

    /// <summary>
    /// The claims of the applications: each with its period and its lines — the performance report's actual ones once
    /// reported, else the planned ones. Three flat reads (applications, their planned lines, their reported lines),
    /// put together here.
    /// </summary>
    public static async Task<List<Claim>> ClaimsAsync(IQueryable<Application> applications, CancellationToken cancellationToken)
    {
        var heads = await applications.AsNoTracking().Select(a => new { a.Id, a.BusinessId, a.Number, a.ProjectStart, a.ProjectEnd }).ToListAsync(cancellationToken);
        if (heads.Count == 0)
        {
            return [];
        }

        var planned = (await applications.AsNoTracking()
                .SelectMany(a => a.Expenses, (a, e) => new { e.ApplicationId, e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.QuoteNumber, e.AmountYen })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ApplicationId, e => new ClaimLine(e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.QuoteNumber, e.AmountYen));
        var reported = (await applications.AsNoTracking()
                .SelectMany(a => a.ReportLines, (a, e) => new { e.ApplicationId, e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.InvoiceNumber, e.AmountYen })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ApplicationId, e => new ClaimLine(e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.InvoiceNumber, e.AmountYen));
        return [.. heads.Select(a => new Claim(
            a.Id, a.BusinessId, a.Number, a.ProjectStart, a.ProjectEnd,
            [.. (reported.Contains(a.Id) ? reported[a.Id] : planned[a.Id]).OrderBy(l => l.Position)]))];
    }

    /// <summary>The businesses as the split rule sees them: representative, address (prefecture, city, street), size.</summary>
    public static IQueryable<SizedBusiness> SizedBusinesses(IQueryable<Business> businesses) =>
        businesses.AsNoTracking().Select(b => new SizedBusiness(b.Id, b.RepresentativeName, (b.PrefectureCode ?? "") + (b.City ?? "") + (b.Street ?? ""), b.RegularEmployees, b.CapitalYen));
}
