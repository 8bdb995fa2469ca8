using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>What the list shows: a verdict, a purpose and a kind, each optional.</summary>
public sealed class RecommendationFilter
{
    [Display(Name = "Recommend.Filter.Verdict")] public Verdict? Verdict { get; set; }
    [Display(Name = "Recommend.Filter.Purpose")] public Purpose? Purpose { get; set; }
    [Display(Name = "Recommend.Filter.Kind")] public MeasureKind? Kind { get; set; }

    public bool Shows(RecommendedMeasure r) =>
        (Verdict is not { } verdict || r.Verdict == verdict)
        && (Purpose is not { } purpose || r.Measure.Purposes.Contains(purpose))
        && (Kind is not { } kind || r.Measure.Kind == kind);
}

public sealed record RecommendationsPage(
    int BusinessId, string BusinessName, IReadOnlyList<RecommendedMeasure> Shown, IReadOnlyDictionary<Verdict, int> Counts,
    RecommendationFilter Filter, IReadOnlyList<Fact> Missing, ProfileAnswersForm Answers, DateTime NowUtc);

public sealed record QuickCheckPage(EligibilityCheckParameters Query, Domain.Businesses.SmeClassification? Class, IReadOnlyList<RecommendedMeasure> Results, DateTime NowUtc);

/// <summary>
/// Recommendations for a signed-in business (its profile judged against every open measure, with reasons, and
/// the missing facts asked as a few questions whose answers go to the profile), and the public quick check (the
/// same engine over facts typed in, no account, nothing stored).
/// </summary>
public sealed class RecommendationsController(
    SmeDbContext db, Recommendations recommendations, ApplicantFactsReader facts, ReferenceCatalog reference, EligibilityEngine engine,
    TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The public quick check: the form, and once anything is given the SME class and every open measure's verdict.</summary>
    [AllowAnonymous]
    [HttpGet("eligibility-check")]
    public async Task<IActionResult> QuickCheck(EligibilityCheckParameters query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (query.IsEmpty)
        {
            return View(new QuickCheckPage(query, null, [], now));
        }

        if (!query.TryRead(reference, JapanTime.DateOf(now), out var given, out var errors))
        {
            ModelState.AddParameterErrors(errors, t);
            return View(new QuickCheckPage(query, null, [], now));
        }

        return View(new QuickCheckPage(query, engine.Classify(given), await recommendations.ForAsync(given), now));
    }

    /// <summary>Takes the signed-in person to their business's recommendations, or lets them choose among several.</summary>
    [Authorize]
    [HttpGet("recommendations")]
    public async Task<IActionResult> Mine()
    {
        var mine = await MyBusiness.OfAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        return mine.Count == 1 ? Redirect($"/businesses/{mine[0].Id}/recommendations") : View("Choose", mine);
    }

    [Authorize]
    [BusinessScoped]
    [HttpGet("businesses/{businessId:int}/recommendations")]
    public async Task<IActionResult> ForBusiness(int businessId, RecommendationFilter filter)
    {
        var business = await db.Businesses.AsNoTracking().Include(b => b.Purposes).FirstAsync(b => b.Id == businessId);
        return View("Recommendations", await PageAsync(business, filter, ProfileAnswersForm.From(business)));
    }

    /// <summary>Saves the answers to the questions to the profile (each change in its history, as declared by the business).</summary>
    [Authorize]
    [BusinessScoped]
    [HttpPost("businesses/{businessId:int}/recommendations/answers")]
    public async Task<IActionResult> Answer(int businessId, ProfileAnswersForm form, [FromServices] IValidator<ProfileAnswersForm> validator)
    {
        var business = await db.Businesses.Include(b => b.Purposes).FirstAsync(b => b.Id == businessId);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View("Recommendations", await PageAsync(business, new RecommendationFilter(), form));
        }

        var source = new ChangeSource(ProfileSource.SelfDeclared, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        if (business.Change(form.ApplyTo, source) > 0 && !await db.SaveFromVersionAsync(business, form.Version, source.AtUtc))
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            var fresh = await db.Businesses.AsNoTracking().Include(b => b.Purposes).FirstAsync(b => b.Id == businessId);
            return View("Recommendations", await PageAsync(fresh, new RecommendationFilter(), form));
        }

        TempData["Notice"] = t["Recommend.AnswersSaved"].Value;
        return Redirect($"/businesses/{businessId}/recommendations");
    }

    private async Task<RecommendationsPage> PageAsync(Business business, RecommendationFilter filter, ProfileAnswersForm answers)
    {
        var known = await facts.ForBusinessAsync(business.Id) ?? throw new InvalidOperationException("The business scope found the business.");
        var all = await recommendations.ForAsync(known);
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => all.Count(r => r.Verdict == v));

        // The facts the undecided measures need, the one that decides the most measures first.
        var missing = all.Where(r => r.Verdict == Verdict.NeedMoreInformation)
            .SelectMany(r => r.Recommendation.Verdict.Missing)
            .GroupBy(f => f)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .ToList();
        answers.Asked = [.. missing.Where(ProfileAnswersForm.Asks).Select(f => f.ToString())];
        return new RecommendationsPage(business.Id, business.Name, [.. all.Where(filter.Shows)], counts, filter, missing, answers, clock.GetUtcNow().UtcDateTime);
    }
}
