using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.RegisterBusiness;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses;

public sealed record MyBusiness(int Id, string Name, MemberRole Role, VerificationState Verification)
{
    /// <summary>The businesses a person is a member of, by name.</summary>
    public static Task<List<MyBusiness>> OfAsync(SmeDbContext db, string userId) => (
            from member in db.BusinessMembers
            join business in db.Businesses on member.BusinessId equals business.Id
            where member.UserId == userId
            orderby business.Name
            select new MyBusiness(business.Id, business.Name, member.Role, business.Verification))
        .AsNoTracking()
        .ToListAsync();
}

/// <summary>The businesses a person belongs to, and registering a new one (the registering person becomes its Owner).</summary>
[Authorize]
[Route("businesses")]
public sealed class BusinessesController(SmeDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await MyBusiness.OfAsync(db, UserId));

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterBusinessForm { LegalForm = nameof(LegalForm.Corporation) });

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterBusinessForm form, [FromServices] RegisterBusinessHandler handler)
    {
        var outcome = await handler.HandleAsync(form, UserId);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(form);
        }

        TempData["Notice"] = t["Business.Registered"].Value;
        return RedirectToAction(nameof(ProfileController.Show), "Profile", new { businessId = outcome.Value });
    }
}
