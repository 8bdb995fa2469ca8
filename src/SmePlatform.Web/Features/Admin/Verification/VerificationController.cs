using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Admin.Verification.VerifyBusiness;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Verification;

public sealed record UnverifiedBusiness(int Id, string Name, LegalForm LegalForm, string? CorporateNumber, DateTime RegisteredAtUtc);

/// <summary>
/// The queue of businesses waiting to be confirmed. A reviewer checks the evidence (a certificate of registered
/// matters, or a code posted to the registered address) and records which; until then the business can draft but
/// not submit. Audited.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Route("admin/verification")]
public sealed class VerificationController(SmeDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var queue = await db.Businesses.AsNoTracking()
            .Where(b => b.Verification == VerificationState.Unverified)
            .OrderBy(b => b.CreatedAtUtc).ThenBy(b => b.Id)
            .Select(b => new UnverifiedBusiness(b.Id, b.Name, b.LegalForm, b.CorporateNumber, b.CreatedAtUtc))
            .Take(200)
            .ToListAsync();
        return View(queue);
    }

    /// <summary>A registered business by its corporate number, for a transfer of ownership.</summary>
    [HttpGet("find")]
    public async Task<IActionResult> Find(string? corporateNumber)
    {
        var number = CorporateNumber.Normalize(corporateNumber);
        var id = await db.Businesses.Where(b => b.CorporateNumber == number).Select(b => (int?)b.Id).FirstOrDefaultAsync();
        if (id is null)
        {
            TempData["Notice"] = t["Verification.NotFound"].Value;
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(OwnershipTransferController.Index), "OwnershipTransfer", new { id });
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Verify(int id, VerificationEvidence? evidence, [FromServices] VerifyBusinessHandler handler)
    {
        var outcome = await handler.HandleAsync(id, evidence, User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData["Notice"] = outcome.IsDone ? t["Verification.Done"].Value : outcome.Errors[0].ErrorMessage;
        return RedirectToAction(nameof(Index));
    }
}
