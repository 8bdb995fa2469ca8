using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Recommendations.ForBusiness;
using SmePlatform.Web.Features.Recommendations.QuickCheck;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// Recommendations for a signed-in business (its profile judged against every open measure, with reasons, and
/// the missing facts asked as a few questions whose answers go to the profile), and the public quick check (the
/// same engine over facts typed in, no account, nothing stored).
/// </summary>
public sealed class RecommendationsController(SmeDbContext db, RecommendationsPageQuery page, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The public quick check: the form, and once anything is given the SME class and every open measure's verdict.</summary>
    [AllowAnonymous]
    [HttpGet("eligibility-check")]
    public async Task<IActionResult> QuickCheck(EligibilityCheckParameters query, [FromServices] QuickCheckQuery check)
    {
        var outcome = await check.HandleAsync(query);
        if (outcome.IsDone)
        {
            return View(outcome.Value);
        }

        ModelState.AddOutcomeErrors(outcome);
        return View(new QuickCheckPage(query, null, [], clock.GetUtcNow().UtcDateTime));
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
    public async Task<IActionResult> ForBusiness(int businessId, RecommendationFilter filter) =>
        View("Recommendations", await page.HandleAsync(businessId, filter));

    /// <summary>Saves the answers to the questions to the profile (each change in its history, as declared by the business).</summary>
    [Authorize]
    [BusinessScoped]
    [HttpPost("businesses/{businessId:int}/recommendations/answers")]
    public async Task<IActionResult> Answer(
        int businessId, ProfileAnswersForm form, [FromServices] IValidator<ProfileAnswersForm> validator, [FromServices] ProfileHistory history)
    {
        var business = await db.Businesses.Include(b => b.Purposes).FirstAsync(b => b.Id == businessId);
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View("Recommendations", await page.HandleAsync(businessId, new RecommendationFilter(), form));
        }

        var source = new ChangeSource(ProfileSource.SelfDeclared, User.FindFirstValue(ClaimTypes.NameIdentifier)!, clock.GetUtcNow().UtcDateTime);
        if (business.Change(form.ApplyTo, source) > 0 && !await db.SaveFromVersionAsync(business, form.Version, source.AtUtc))
        {
            ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
            return View("Recommendations", await page.HandleAsync(businessId, new RecommendationFilter(), form));
        }

        TempData["Notice"] = t["Recommend.AnswersSaved"].Value;
        return Redirect($"/businesses/{businessId}/recommendations");
    }
}
