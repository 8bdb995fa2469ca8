using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Applications.Check;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The check of the answers before submitting (<see cref="CheckQuery"/>: what blocks it, the eligibility verdict, the
/// integrity warnings on the applicant's own data), and the submission from it. Scoped to the business in the route:
/// another business's application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationCheckController(IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("{applicationId:int}/" + ApplicationFile.CheckStep)]
    public async Task<IActionResult> Check(int businessId, int applicationId, [FromServices] CheckQuery query) =>
        await query.RunAsync(businessId, applicationId, HttpContext.Membership(), withWarnings: true) is { } page ? View(page) : NotFound();

    /// <summary>
    /// Submits from the check page (<see cref="SubmitFromCheckHandler"/>). Refused, with the page shown again, when anything
    /// blocks it or the person may not submit; the same key posted again (a double click, a retry) leads to the same receipt.
    /// </summary>
    [HttpPost("{applicationId:int}/submit")]
    public async Task<IActionResult> Submit(
        int businessId, int applicationId, string? idempotencyKey, int version, [FromServices] SubmitFromCheckHandler handler, [FromServices] CheckQuery query)
    {
        var outcome = await handler.HandleAsync(new SubmitFromCheckCommand(businessId, applicationId, idempotencyKey, version, HttpContext.Membership(), UserId));
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return Redirect(outcome.Value!.Path);
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                return BadRequest();
        }

        // Not allowed now (the page says why) or changed by someone else since: the page again, as it is now.
        var page = (await query.RunAsync(businessId, applicationId, HttpContext.Membership(), withWarnings: false))!;
        ModelState.AddModelError("", t[outcome.Kind == OutcomeKind.Conflict ? "Apply.SubmitConflict" : page.RefusalKey]);
        return View(nameof(Check), page);
    }
}
