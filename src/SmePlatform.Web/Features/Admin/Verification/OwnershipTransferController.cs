using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Accounts;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Verification;

public sealed class TransferOwnershipForm
{
    [Display(Name = "Transfer.NewOwnerEmail")] public string? NewOwnerEmail { get; set; }
    [Display(Name = "Verification.Evidence")] public VerificationEvidence? Evidence { get; set; }
}

public sealed class TransferOwnershipFormValidator : AbstractValidator<TransferOwnershipForm>
{
    public TransferOwnershipFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.NewOwnerEmail).EmailAddressRules(t);
        RuleFor(f => f.Evidence).Must(evidence => evidence is { } e && Enum.IsDefined(e)).WithMessage(_ => t["Verification.ChooseEvidence"]);
    }
}

public sealed record TransferContext(int BusinessId, string BusinessName, string? CorporateNumber)
{
    public const string Key = "Transfer";
}

/// <summary>
/// Moving a business to a new Owner, when the person who registered it has left or someone else registered it first.
/// A reviewer checks the evidence (as for verification) and names the new Owner's account; the old Owner stays a
/// Member. Both changes and the audit entry are one transaction; the database keeps one Owner per business.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Route("admin/businesses/{id:int}/transfer")]
public sealed class OwnershipTransferController(SmeDbContext db, UserManager<ApplicationUser> users, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id) => (IActionResult?)await PageAsync(id, new TransferOwnershipForm()) ?? NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Transfer(int id, TransferOwnershipForm form, [FromServices] IValidator<TransferOwnershipForm> validator)
    {
        if (!await db.Businesses.AnyAsync(b => b.Id == id))
        {
            return NotFound();
        }

        var valid = await validator.ValidateIntoAsync(form, ModelState);
        var newOwner = valid ? await users.FindByEmailAsync(form.NewOwnerEmail!.Trim()) : null;
        if (valid && newOwner is null)
        {
            ModelState.AddModelError(nameof(form.NewOwnerEmail), t["Transfer.NoSuchAccount"]);
        }

        if (!ModelState.IsValid || newOwner is null)
        {
            return (await PageAsync(id, form))!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            // The old Owner first becomes a Member (one Owner per business is a unique index), then the new one is named.
            var old = await db.BusinessMembers.FirstOrDefaultAsync(m => m.BusinessId == id && m.Role == MemberRole.Owner);
            if (old is not null)
            {
                old.Role = MemberRole.Member;
                await db.SaveChangesAsync();
            }

            var member = await db.BusinessMembers.FirstOrDefaultAsync(m => m.BusinessId == id && m.UserId == newOwner.Id);
            if (member is null)
            {
                db.BusinessMembers.Add(new BusinessMember { BusinessId = id, UserId = newOwner.Id, Role = MemberRole.Owner, CanSubmit = true, JoinedAtUtc = now });
            }
            else
            {
                member.Role = MemberRole.Owner;
                member.CanSubmit = true;
            }

            audit.Record("business.ownership-transferred", "Business", id.ToString(CultureInfo.InvariantCulture), $"evidence={form.Evidence}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        TempData["Notice"] = t["Transfer.Done"].Value;
        return RedirectToAction(nameof(VerificationController.Index), "Verification");
    }

    private async Task<ViewResult?> PageAsync(int id, TransferOwnershipForm form)
    {
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Name, b.CorporateNumber }).FirstOrDefaultAsync();
        if (business is null)
        {
            return null;
        }

        ViewData[TransferContext.Key] = new TransferContext(id, business.Name, business.CorporateNumber);
        return View("Transfer", form);
    }
}
