using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.Analysis;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses;

public sealed record FinancialsContext(int BusinessId, IReadOnlyList<FinancialYear> Years)
{
    public const string Key = "Financials";
}

public sealed record OwnershipPage(
    int BusinessId, IReadOnlyList<ShareholderRecord> Shareholders, IReadOnlyList<OfficerRecord> Officers, DeemedLargeVerdict Verdict,
    ShareholderForm Shareholder, OfficerForm Officer);

/// <summary>
/// The profile's analysis data, each in tables of its own: financial statements per fiscal year, shareholders and
/// officers (with the deemed-large verdict they give), and intellectual property, overseas business and R&amp;D.
/// Every change goes through the business (Features/Businesses/Analysis), which keeps it in the profile's history,
/// figure by figure.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/profile")]
public sealed class AnalysisController(IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("financials")]
    public async Task<IActionResult> Financials(int businessId, int? year, [FromServices] FinancialYearsQuery years)
    {
        var all = await years.HandleAsync(businessId);
        var chosen = all.FirstOrDefault(y => y.Id == year);
        return FinancialsView(businessId, all, chosen is null ? new FinancialYearForm() : FinancialYearForm.From(chosen));
    }

    [HttpPost("financials")]
    public async Task<IActionResult> SaveFinancialYear(
        int businessId, FinancialYearForm form, [FromServices] SaveFinancialYearHandler handler, [FromServices] FinancialYearsQuery years)
    {
        var outcome = await handler.HandleAsync(businessId, form, UserId);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome);
            return FinancialsView(businessId, await years.HandleAsync(businessId), form);
        }

        return Answer(outcome, nameof(Financials), businessId);
    }

    [HttpPost("financials/{yearId:int}/delete")]
    public async Task<IActionResult> DeleteFinancialYear(int businessId, int yearId, [FromServices] RemoveFinancialYearHandler handler) =>
        Answer(await handler.HandleAsync(businessId, yearId, UserId), nameof(Financials), businessId);

    [HttpGet("ownership")]
    public async Task<IActionResult> Ownership(int businessId, [FromServices] OwnershipQuery ownership) =>
        View(await ownership.HandleAsync(businessId, new ShareholderForm(), new OfficerForm()));

    [HttpPost("ownership/shareholders")]
    public async Task<IActionResult> AddShareholder(
        int businessId, [Bind(Prefix = "Shareholder")] ShareholderForm form, [FromServices] AddShareholderHandler handler, [FromServices] OwnershipQuery ownership)
    {
        var outcome = await handler.HandleAsync(businessId, form, UserId);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(nameof(Ownership), await ownership.HandleAsync(businessId, form, new OfficerForm()));
        }

        return Answer(outcome, nameof(Ownership), businessId);
    }

    [HttpPost("ownership/shareholders/{shareholderId:int}/delete")]
    public async Task<IActionResult> DeleteShareholder(int businessId, int shareholderId, [FromServices] RemoveShareholderHandler handler) =>
        Answer(await handler.HandleAsync(businessId, shareholderId, UserId), nameof(Ownership), businessId);

    [HttpPost("ownership/officers")]
    public async Task<IActionResult> AddOfficer(
        int businessId, [Bind(Prefix = "Officer")] OfficerForm form, [FromServices] AddOfficerHandler handler, [FromServices] OwnershipQuery ownership)
    {
        var outcome = await handler.HandleAsync(businessId, form, UserId);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(nameof(Ownership), await ownership.HandleAsync(businessId, new ShareholderForm(), form));
        }

        return Answer(outcome, nameof(Ownership), businessId);
    }

    [HttpPost("ownership/officers/{officerId:int}/delete")]
    public async Task<IActionResult> DeleteOfficer(int businessId, int officerId, [FromServices] RemoveOfficerHandler handler) =>
        Answer(await handler.HandleAsync(businessId, officerId, UserId), nameof(Ownership), businessId);

    [HttpGet("activities")]
    public async Task<IActionResult> Activities(int businessId, [FromServices] ActivitiesQuery activities) => View(await activities.HandleAsync(businessId));

    [HttpPost("activities")]
    public async Task<IActionResult> Activities(int businessId, ActivitiesForm form, [FromServices] ChangeActivitiesHandler handler)
    {
        var outcome = await handler.HandleAsync(businessId, form, UserId);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(form);
        }

        return Answer(outcome, nameof(Activities), businessId);
    }

    private ViewResult FinancialsView(int businessId, IReadOnlyList<FinancialYear> years, FinancialYearForm form)
    {
        ViewData[FinancialsContext.Key] = new FinancialsContext(businessId, years);
        return View(nameof(Financials), form);
    }

    /// <summary>Saved (back to the page, with a notice), or not found (another business's row).</summary>
    private IActionResult Answer(Outcome<Unit> outcome, string action, int businessId)
    {
        if (!outcome.IsDone)
        {
            return NotFound();
        }

        TempData["Notice"] = t["Business.Saved"].Value;
        return RedirectToAction(action, new { businessId });
    }
}
