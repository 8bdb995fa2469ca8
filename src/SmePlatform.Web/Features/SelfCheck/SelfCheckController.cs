using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.SelfCheck.Questionnaire;
using SmePlatform.Web.Features.SelfCheck.Scores;
using SmePlatform.Web.Features.SelfCheck.TryIt;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>
/// The self-check (Local Benchmark, docs/self-check.md): the six indicators of the profile's statements with their
/// formulas, the history across years and the position among peers on the platform (only where at least ten
/// contribute); where the industry's thresholds are published, each indicator's score, the rank and the measures that
/// address each weak indicator; and the non-financial questionnaire. Anyone can also try it on typed figures, which
/// are not stored.
/// </summary>
public sealed class SelfCheckController(TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>Takes a business user to their business's self-check; anyone else may try it without saving.</summary>
    [AllowAnonymous]
    [HttpGet("self-check")]
    public async Task<IActionResult> Mine([FromServices] SmeDbContext db)
    {
        var mine = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? await MyBusiness.OfAsync(db, userId) : [];
        return mine.Count == 1 ? Redirect($"/businesses/{mine[0].Id}/self-check") : View("Choose", mine);
    }

    [Authorize]
    [BusinessScoped]
    [HttpGet("businesses/{businessId:int}/self-check")]
    public async Task<IActionResult> ForBusiness(int businessId, [FromServices] SelfCheckPageQuery query) =>
        View("SelfCheck", await query.HandleAsync(businessId));

    /// <summary>Keeps the questionnaire's answers with the profile (a blank answer removes the one kept).</summary>
    [Authorize]
    [BusinessScoped]
    [HttpPost("businesses/{businessId:int}/self-check/answers")]
    public async Task<IActionResult> Answer(int businessId, NonFinancialForm form, [FromServices] SaveSelfCheckAnswersHandler handler, [FromServices] SelfCheckPageQuery query)
    {
        var outcome = await handler.HandleAsync(businessId, form);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View("SelfCheck", await query.HandleAsync(businessId, form));
        }

        TempData["Notice"] = t["SelfCheck.AnswersSaved"].Value;
        return Redirect($"/businesses/{businessId}/self-check#non-financial-title");
    }

    [AllowAnonymous]
    [HttpGet("self-check/try")]
    public IActionResult Try() => View(new TryPage(TryForm.Blank(JapanTime.DateOf(clock.GetUtcNow().UtcDateTime)), null));

    /// <summary>The figures typed, assessed and shown, and nothing stored (a POST, so the figures stay out of addresses and logs).</summary>
    [AllowAnonymous]
    [HttpPost("self-check/try")]
    public async Task<IActionResult> Try(TryForm form, [FromServices] TrySelfCheckQuery query)
    {
        var outcome = ModelState.IsValid ? await query.HandleAsync(form) : null;
        if (outcome is not { IsDone: true })
        {
            if (outcome is not null)
            {
                ModelState.AddOutcomeErrors(outcome);
            }

            return View(new TryPage(form, null));
        }

        return View(new TryPage(form, outcome.Value));
    }
}
