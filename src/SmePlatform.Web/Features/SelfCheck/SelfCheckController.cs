using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>A weak indicator (scored 1 or 2) and the open measures whose purposes address it, with the engine's verdicts.</summary>
public sealed record Remedy(IndicatorScore Indicator, IReadOnlyList<RecommendedMeasure> Measures);

/// <summary>What the assessment partial shows, for a saved profile or for typed figures (the industry is null when the profile has none).</summary>
public sealed record AssessmentView(Assessment Assessment, BenchmarkStandard Standard, IReadOnlyDictionary<Indicator, PeerPosition?>? Peers);

public sealed record SelfCheckPage(
    int BusinessId, string BusinessName, AssessmentView? Latest, IReadOnlyList<Assessment> History, IReadOnlyList<Remedy> Remedies,
    NonFinancialForm Answers, bool HasIndustry, DateTime NowUtc);

public sealed record TryPage(TryForm Form, AssessmentView? Result);

/// <summary>
/// The self-check (Local Benchmark, docs/self-check.md): the six indicators of the profile's statements with their
/// formulas, the history across years and the position among peers on the platform (only where at least ten
/// contribute); where the industry's thresholds are published, each indicator's score, the rank and the measures that
/// address each weak indicator; and the non-financial questionnaire. Anyone can also try it on typed figures, which
/// are not stored.
/// </summary>
public sealed class SelfCheckController(
    SmeDbContext db, SelfCheckReader reader, ApplicantFactsReader facts, Recommendations.Recommendations recommendations, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>Takes a business user to their business's self-check; anyone else may try it without saving.</summary>
    [AllowAnonymous]
    [HttpGet("self-check")]
    public async Task<IActionResult> Mine()
    {
        var mine = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? await MyBusiness.OfAsync(db, userId) : [];
        return mine.Count == 1 ? Redirect($"/businesses/{mine[0].Id}/self-check") : View("Choose", mine);
    }

    [Authorize]
    [BusinessScoped]
    [HttpGet("businesses/{businessId:int}/self-check")]
    public async Task<IActionResult> ForBusiness(int businessId) =>
        View("SelfCheck", await PageAsync(businessId, NonFinancialForm.From(await db.SelfCheckAnswers.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync())));

    /// <summary>Keeps the questionnaire's answers with the profile (a blank answer removes the one kept).</summary>
    [Authorize]
    [BusinessScoped]
    [HttpPost("businesses/{businessId:int}/self-check/answers")]
    public async Task<IActionResult> Answer(int businessId, NonFinancialForm form, [FromServices] IValidator<NonFinancialForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View("SelfCheck", await PageAsync(businessId, form));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await db.SelfCheckAnswers.Where(a => a.BusinessId == businessId).ToDictionaryAsync(a => a.Question);
        foreach (var (_, question) in NonFinancial.Questions)
        {
            var answer = form[question]?.Trim();
            if (kept.TryGetValue(question, out var existing))
            {
                if (string.IsNullOrEmpty(answer))
                {
                    db.SelfCheckAnswers.Remove(existing);
                }
                else if (existing.Answer != answer)
                {
                    (existing.Answer, existing.UpdatedAtUtc) = (answer, now);
                }
            }
            else if (!string.IsNullOrEmpty(answer))
            {
                db.SelfCheckAnswers.Add(new SelfCheckAnswer { BusinessId = businessId, Question = question, Answer = answer, UpdatedAtUtc = now });
            }
        }

        await db.SaveChangesAsync();
        TempData["Notice"] = t["SelfCheck.AnswersSaved"].Value;
        return Redirect($"/businesses/{businessId}/self-check#non-financial-title");
    }

    [AllowAnonymous]
    [HttpGet("self-check/try")]
    public IActionResult Try() => View(new TryPage(TryForm.Blank(JapanTime.DateOf(clock.GetUtcNow().UtcDateTime)), null));

    /// <summary>The figures typed, assessed and shown, and nothing stored (a POST, so the figures stay out of addresses and logs).</summary>
    [AllowAnonymous]
    [HttpPost("self-check/try")]
    public async Task<IActionResult> Try(TryForm form, [FromServices] IValidator<TryForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(new TryPage(form, null));
        }

        var standard = await reader.StandardAsync(form.Industry);
        var (current, previous) = form.ToYears();
        return View(new TryPage(form, new AssessmentView(standard.Assess(current, previous), standard, null)));
    }

    private async Task<SelfCheckPage> PageAsync(int businessId, NonFinancialForm answers)
    {
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).Select(b => new { b.Name, b.IndustryMajor }).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var years = await reader.YearsAsync(businessId);
        var standard = await reader.StandardAsync(business.IndustryMajor);
        var history = Assessment.History(years, standard.Standard);
        if (history.Count == 0)
        {
            return new SelfCheckPage(businessId, business.Name, null, [], [], answers, business.IndustryMajor is not null, now);
        }

        var latest = history[^1];
        IReadOnlyDictionary<Indicator, PeerPosition?>? peers = null;
        if (business.IndustryMajor is { } industry)
        {
            var values = await reader.PeerValuesAsync(industry);
            peers = latest.Indicators.ToDictionary(i => i.Indicator, i => i.Value.Value is { } mine ? PeerPosition.Of(i.Indicator, mine, values[i.Indicator]) : null);
        }

        var remedies = new List<Remedy>();
        if (latest.Indicators.Any(i => i.IsWeak) && await facts.ForBusinessAsync(businessId) is { } known)
        {
            var open = await recommendations.ForAsync(known);
            remedies.AddRange(latest.Indicators.Where(i => i.IsWeak).Select(weak => new Remedy(weak, [.. open
                .Where(r => r.Verdict != Verdict.NotEligible && r.Measure.Purposes.Intersect(LocalBenchmark.Remedies(weak.Indicator)).Any())
                .Take(3)])));
        }

        return new SelfCheckPage(businessId, business.Name, new AssessmentView(latest, standard, peers), history, remedies, answers, business.IndustryMajor is not null, now);
    }
}
