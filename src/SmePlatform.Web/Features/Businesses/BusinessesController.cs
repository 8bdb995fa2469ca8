using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.Forms;

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
public sealed class BusinessesController(SmeDbContext db, ProfileHistory history, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await MyBusiness.OfAsync(db, UserId));

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterBusinessForm { LegalForm = nameof(LegalForm.Corporation) });

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterBusinessForm form, [FromServices] IValidator<RegisterBusinessForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var business = new Business
        {
            LegalForm = Enum.Parse<LegalForm>(form.LegalForm!),
            CorporateNumber = form.IsCorporation ? CorporateNumber.Normalize(form.CorporateNumber) : null,
            Name = JapaneseInput.Clean(form.Name)!,
            NameKana = JapaneseInput.Katakana(form.NameKana)!,
            Verification = VerificationState.Unverified,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            Members = [new BusinessMember { UserId = UserId, Role = MemberRole.Owner, CanSubmit = true, JoinedAtUtc = now }],
        };

        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Businesses.Add(business);
                await db.SaveChangesAsync();
                history.Record(business.Id, new Dictionary<string, string?>(), ProfileHistory.Snapshot(business), ProfileSource.SelfDeclared, UserId);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        }
        catch (DbUpdateException exception) when (business.CorporateNumber is not null && !DatabaseBusy.Is(exception))
        {
            // Two registrations of one number at once: the unique index keeps one; the other hears why.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(nameof(form.CorporateNumber), t["BusinessValidation.CorporateNumberTaken"]);
            return View(form);
        }

        TempData["Notice"] = t["Business.Registered"].Value;
        return RedirectToAction(nameof(ProfileController.Show), "Profile", new { businessId = business.Id });
    }
}
