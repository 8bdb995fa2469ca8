using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
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
        ApplicationStatus.Selected, ApplicationStatus.GrantDecided,
    ];

    /// <summary>The findings on the application as it is now (its lines, its business's profile).</summary>
    public async Task<IReadOnlyList<Finding>> InspectAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var claim = (await ClaimsAsync(db.Applications.Where(a => a.Id == applicationId), cancellationToken)).SingleOrDefault();
        if (claim is null)
        {
            return [];
        }

        var findings = new List<Finding>();
        var sameBusiness = await ClaimsAsync(
            db.Applications.Where(a => a.BusinessId == claim.BusinessId && a.Id != applicationId && Claiming.Contains(a.Status)), cancellationToken);
        findings.AddRange(IntegrityChecks.DoubleReceipt(claim, sameBusiness));

        var issuers = claim.Lines.Select(l => InvoiceRegistrationNumber.Normalize(l.InvoiceRegistrationNumber)).OfType<string>().Distinct().ToList();
        if (issuers.Count > 0)
        {
            var naming = db.ExpenseLines.Where(e => issuers.Contains(e.InvoiceRegistrationNumber!)).Select(e => e.ApplicationId);
            var others = await ClaimsAsync(
                db.Applications.Where(a => naming.Contains(a.Id) && a.BusinessId != claim.BusinessId && Claiming.Contains(a.Status)), cancellationToken);
            findings.AddRange(IntegrityChecks.SharedInvoice(claim, others));
        }

        var measure = await db.Applications.Where(a => a.Id == applicationId).Join(db.SupportMeasures, a => a.MeasureId, m => m.Id, (a, m) => m.Eligibility.DeemedLarge)
            .SingleAsync(cancellationToken);
        var facts = await applicants.ForBusinessAsync(claim.BusinessId, cancellationToken);
        if (facts?.SizeFacts is { } size)
        {
            if (IntegrityChecks.BecameLarge(sme, size) is { } large)
            {
                findings.Add(large);
            }

            if (sme.Classify(size).Rule is { } limits && await SizedAsync(claim.BusinessId, cancellationToken) is { SharedKey: not null } sized)
            {
                var sharing = await db.Businesses.AsNoTracking().Where(b => b.RepresentativeName == sized.Representative && b.Id != claim.BusinessId)
                    .Select(b => new SizedBusiness(b.Id, b.RepresentativeName, (b.PrefectureCode ?? "") + (b.City ?? "") + (b.Street ?? ""), b.RegularEmployees, b.CapitalYen))
                    .ToListAsync(cancellationToken);
                if (IntegrityChecks.SplitToStaySmall(sized, limits, sharing) is { } split)
                {
                    findings.Add(split);
                }
            }
        }

        if (measure != DeemedLargeExclusion.NotExcluded && facts?.Ownership is { } ownership
            && IntegrityChecks.DeemedLarge(DeemedLarge.Test(
                ownership.Shareholders, ownership.Officers, measure == DeemedLargeExclusion.ExcludedWithTaxableIncome, ownership.LastThreeYearsTaxableIncomeYen)) is { } deemed)
        {
            findings.Add(deemed);
        }

        return findings;
    }

    /// <summary>
    /// Keeps the findings as flags of the application: a new finding is raised (once: the fingerprint is unique per
    /// application), an open flag no longer found is cleared (the data was corrected); decided flags stay as decided.
    /// </summary>
    /// <returns>How many flags were raised.</returns>
    public async Task<int> RaiseAsync(int applicationId, IReadOnlyList<Finding> findings, FlagSource source, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var flags = await db.IntegrityFlags.Where(f => f.ApplicationId == applicationId).ToListAsync(cancellationToken);
            var found = findings.DistinctBy(f => f.Fingerprint).ToDictionary(f => f.Fingerprint, StringComparer.Ordinal);
            foreach (var flag in flags.Where(f => f.State == FlagState.Open && !found.ContainsKey(f.Fingerprint)))
            {
                (flag.State, flag.DecidedAtUtc, flag.UpdatedAtUtc) = (FlagState.Cleared, now, now);
                flag.Version++;
            }

            var known = flags.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var raised = found.Values.Where(f => !known.Contains(f.Fingerprint)).Select(f => FlagOf(applicationId, f, source, now)).ToList();
            db.IntegrityFlags.AddRange(raised);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return raised.Count;
            }
            catch (DbUpdateException) when (attempt < 3)
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

    private static async Task<List<Claim>> ClaimsAsync(IQueryable<Application> applications, CancellationToken cancellationToken) =>
        (await applications.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.BusinessId,
                a.Number,
                a.ProjectStart,
                a.ProjectEnd,
                Lines = a.Expenses.OrderBy(e => e.Position).Select(e => new { e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.QuoteNumber, e.AmountYen }).ToList(),
            })
            .ToListAsync(cancellationToken))
        .Select(a => new Claim(
            a.Id, a.BusinessId, a.Number, a.ProjectStart, a.ProjectEnd,
            [.. a.Lines.Select(e => new ClaimLine(e.Position, e.Category, e.Vendor, e.InvoiceRegistrationNumber, e.QuoteNumber, e.AmountYen))]))
        .ToList();

    private Task<SizedBusiness?> SizedAsync(int businessId, CancellationToken cancellationToken) =>
        db.Businesses.AsNoTracking().Where(b => b.Id == businessId)
            .Select(b => new SizedBusiness(b.Id, b.RepresentativeName, (b.PrefectureCode ?? "") + (b.City ?? "") + (b.Street ?? ""), b.RegularEmployees, b.CapitalYen))
            .SingleOrDefaultAsync(cancellationToken);
}

/// <summary>
/// The applications submitted (or reported) a moment ago, waiting for their checks: the submission does not wait for
/// them. A check lost with the process is made again when a reviewer opens the application, and by the nightly scan.
/// </summary>
public sealed class IntegrityQueue
{
    private readonly System.Threading.Channels.Channel<(int ApplicationId, FlagSource Source)> _waiting =
        System.Threading.Channels.Channel.CreateUnbounded<(int, FlagSource)>(new() { SingleReader = true });

    public void Enqueue(int applicationId, FlagSource source) => _waiting.Writer.TryWrite((applicationId, source));

    public IAsyncEnumerable<(int ApplicationId, FlagSource Source)> ReadAllAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Runs the checks of the queued applications one after another and raises their flags.</summary>
public sealed class IntegrityQueueWorker(IntegrityQueue queue, IServiceScopeFactory scopes, WriteGate gate, ILogger<IntegrityQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (applicationId, source) in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
                var inspector = scope.ServiceProvider.GetRequiredService<IntegrityInspector>();
                var findings = await inspector.InspectAsync(applicationId, stoppingToken);
                using var turn = await gate.EnterAsync(db, stoppingToken);
                await inspector.RaiseAsync(applicationId, findings, source, stoppingToken);
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(exception, "The integrity checks of application {ApplicationId} failed; a reviewer's opening or the nightly scan makes them again", applicationId);
            }
        }
    }
}
