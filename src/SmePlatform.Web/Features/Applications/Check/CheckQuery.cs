using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Check;

/// <summary>
/// The check page of an application: everything that blocks its submission (<see cref="Readiness"/>), the engine's
/// verdict on the measure's rules (a hard rule not met blocks, with its reason; the rest is shown), the terms that
/// would apply if submitted today, and whether this member may submit. Null for another business's application (404).
/// </summary>
public sealed class CheckQuery(
    ApplicationStore store, ProfilePrefill prefill, ApplicantFactsReader facts, EligibilityEngine engine, ReasonText reasons, IntegrityInspector inspector,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : IUseCase
{
    /// <param name="businessId">The business in the route: the application must be its own.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="membership">The signed-in person's membership of the business (the right to submit).</param>
    /// <param name="withWarnings">
    /// Also run the integrity checks on the applicant's own data (never another business's), so that an honest mistake is
    /// corrected before submitting; the business's facts are read once for the verdict and the checks.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<CheckPage?> RunAsync(
        int businessId, int applicationId, BusinessMember membership, bool withWarnings, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is not { } file)
        {
            return null;
        }

        var known = await KnownAsync(file, cancellationToken);
        var page = await PageAsync(file, membership, known, cancellationToken);
        if (!withWarnings)
        {
            return page;
        }

        var own = (await inspector.InspectAsync(applicationId, known, cancellationToken)).Where(f => !f.InvolvesOtherBusiness);
        return page with { Warnings = WarningGroup.Of(own, f => FlagText.Explain(t, f)) };
    }

    /// <summary>The page of an application already loaded (and scoped to its business) by the caller, without the integrity warnings.</summary>
    public async Task<CheckPage> PageAsync(ApplicationFile file, BusinessMember membership, ApplicantFacts? known = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(membership);
        var profile = await prefill.ValuesAsync(file.Business, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = file.TermsToday(engine);
        var checks = Readiness.Checks(file, terms.Outcome, now);
        var blockers = Readiness.Of(file, profile, checks);
        if (Readiness.Overdue(file, now) is { } overdue)
        {
            blockers = [.. blockers, overdue];
        }

        if (Readiness.PeriodProblem(file, now) is { } period)
        {
            blockers = [.. blockers, period];
        }

        known ??= await KnownAsync(file, cancellationToken);
        var measure = file.Measure;
        var verdict = engine.Judge(known, measure.Rules, JapanTime.DateOf(now), measure.Id);
        if (verdict.Blocking is { } blocking)
        {
            blockers = [.. blockers, new Blocker(ApplicationFile.ProfileStep, "Apply.Blocker.NotEligible", reasons.Of(blocking.Reason))];
        }

        return new CheckPage(
            file, profile, checks, blockers, membership.MaySubmitFor(file.Business), Guid.NewGuid().ToString("N"),
            EligibilitySnapshot.Of(verdict, reasons, engine.Classify(known).Class), terms, JapanTime.DateOf(now));
    }

    private async Task<ApplicantFacts> KnownAsync(ApplicationFile file, CancellationToken cancellationToken) =>
        await facts.ForBusinessAsync(file.Application.BusinessId, cancellationToken) ?? throw new InvalidOperationException("The application's business exists.");
}
