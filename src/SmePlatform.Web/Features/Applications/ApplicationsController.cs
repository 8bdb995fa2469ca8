using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Applications.Listing;
using SmePlatform.Web.Features.Applications.Overview;
using SmePlatform.Web.Features.Applications.Receipts;
using SmePlatform.Web.Features.Applications.Withdraw;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// A business's applications: the list, one application's page with its timeline and receipts, a receipt, and
/// withdrawal. The applicant's journey runs through the steps' controllers (the profile block, the sections, the
/// expenses, the check and submission); each calls the use cases in this feature's folders (ADR 0016). Every route is
/// scoped to the business in it: another business's application is 404.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/applications")]
public sealed class ApplicationsController(TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId, [FromServices] ApplicationListQuery query) => View(await query.RunAsync(businessId));

    [HttpGet("{applicationId:int}")]
    public async Task<IActionResult> Show(int businessId, int applicationId, [FromServices] ApplicationHistoryQuery query)
    {
        if (await query.RunAsync(businessId, applicationId) is not (var file, var transitions, var receipts))
        {
            return NotFound();
        }

        var timeline = Timeline.ApplicationTimeline.Of(transitions, clock.GetUtcNow().UtcDateTime);
        return View(new ApplicationPage(file, timeline, receipts, HttpContext.Membership()));
    }

    /// <summary>Withdraws the application before a decision (the Owner, or a Member with the submit right).</summary>
    [HttpPost("{applicationId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int businessId, int applicationId, int version, string? reason, [FromServices] WithdrawHandler handler)
    {
        var outcome = await handler.HandleAsync(new WithdrawCommand(businessId, applicationId, version, reason, HttpContext.Membership(), UserId));
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.NotAllowed)
        {
            return outcome.Kind == OutcomeKind.NotFound ? NotFound() : Forbid();
        }

        TempData["Notice"] = t[outcome.IsDone ? "Apply.Withdrawn" : "Apply.WithdrawRefused"].Value;
        return Redirect($"/businesses/{businessId}/applications/{applicationId}");
    }

    /// <summary>The receipt of one submission, its hash recomputed from the frozen content to show it is unchanged.</summary>
    [HttpGet("{applicationId:int}/receipts/{round:int}")]
    public async Task<IActionResult> Receipt(int businessId, int applicationId, int round, [FromServices] ReceiptQuery query) =>
        await query.RunAsync(businessId, applicationId, round) is { } page ? View(page) : NotFound();
}
