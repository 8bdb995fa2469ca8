using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Accounts;
using SmePlatform.Web.Infrastructure.Email;
using SmePlatform.Web.Infrastructure.Forms;

namespace SmePlatform.Web.Features.Businesses;

public sealed class InviteMemberForm
{
    [Display(Name = "Field.Email")] public string? Email { get; set; }
    [Display(Name = "Members.CanSubmit")] public bool CanSubmit { get; set; }
}

public sealed class InviteMemberFormValidator : AbstractValidator<InviteMemberForm>
{
    public InviteMemberFormValidator(IStringLocalizer<SharedResource> t) => RuleFor(f => f.Email).EmailAddressRules(t);
}

public sealed record MemberRow(int Id, string DisplayName, string Email, MemberRole Role, bool CanSubmit);

public sealed record InvitationRow(int Id, string Email, bool CanSubmit, DateTime ExpiresAtUtc);

public sealed record MembersContext(int BusinessId, IReadOnlyList<MemberRow> Members, IReadOnlyList<InvitationRow> Invitations)
{
    public const string Key = "Members";
}

/// <summary>
/// The Owner's management of who acts for the business: invite a person by email (a link valid for
/// <see cref="BusinessInvitation.DaysValid"/> days), give each Member the right to draft or also to submit,
/// and remove them. Invitations are tokens of which only the hash is stored.
/// </summary>
[Authorize]
[BusinessScoped(ownerOnly: true)]
[Route("businesses/{businessId:int}/members")]
public sealed class MembersController(
    SmeDbContext db, IEmailSender email, LinkGenerator links, PublicBaseUrl publicBase, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int businessId) => await PageAsync(businessId, new InviteMemberForm());

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(int businessId, InviteMemberForm form, [FromServices] IValidator<InviteMemberForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return await PageAsync(businessId, form);
        }

        var address = form.Email!.Trim().ToLowerInvariant();
        var normalized = address.ToUpperInvariant();
        var already = await (
            from m in db.BusinessMembers
            join u in db.Users on m.UserId equals u.Id
            where m.BusinessId == businessId && u.NormalizedEmail == normalized
            select m.Id).AnyAsync();
        if (already)
        {
            ModelState.AddModelError(nameof(form.Email), t["Members.AlreadyMember"]);
            return await PageAsync(businessId, form);
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.BusinessInvitations.Add(new BusinessInvitation
        {
            BusinessId = businessId,
            Email = address,
            CanSubmit = form.CanSubmit,
            TokenHash = Hash(token),
            InvitedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(BusinessInvitation.DaysValid),
        });
        await db.SaveChangesAsync();

        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).Select(b => b.Name).FirstAsync();
        var link = publicBase.Link(links.GetPathByAction(nameof(InvitationsController.Show), "Invitations", new { token })!);
        await email.SendAsync(new EmailMessage(address, t["Email.MemberInvite.Subject", business], t["Email.MemberInvite.Body", business, link, BusinessInvitation.DaysValid]));
        TempData["Notice"] = t["Members.Invited"].Value;
        return RedirectToAction(nameof(Index), new { businessId });
    }

    [HttpPost("{memberId:int}/rights")]
    public async Task<IActionResult> SetRights(int businessId, int memberId, bool canSubmit)
    {
        var member = await db.BusinessMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.BusinessId == businessId && m.Role == MemberRole.Member);
        if (member is null)
        {
            return NotFound();
        }

        member.CanSubmit = canSubmit;
        await db.SaveChangesAsync();
        TempData["Notice"] = t["Members.RightsChanged"].Value;
        return RedirectToAction(nameof(Index), new { businessId });
    }

    [HttpPost("{memberId:int}/remove")]
    public async Task<IActionResult> Remove(int businessId, int memberId)
    {
        // The Owner is not removed here: ownership moves only through staff, after checks.
        var member = await db.BusinessMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.BusinessId == businessId && m.Role == MemberRole.Member);
        if (member is null)
        {
            return NotFound();
        }

        db.BusinessMembers.Remove(member);
        await db.SaveChangesAsync();
        TempData["Notice"] = t["Members.Removed"].Value;
        return RedirectToAction(nameof(Index), new { businessId });
    }

    [HttpPost("invitations/{invitationId:int}/revoke")]
    public async Task<IActionResult> RevokeInvitation(int businessId, int invitationId)
    {
        var invitation = await db.BusinessInvitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.BusinessId == businessId);
        if (invitation is null)
        {
            return NotFound();
        }

        invitation.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index), new { businessId });
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<ViewResult> PageAsync(int businessId, InviteMemberForm form)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await (
            from m in db.BusinessMembers
            where m.BusinessId == businessId
            join u in db.Users on m.UserId equals u.Id
            orderby m.Role, m.JoinedAtUtc
            select new MemberRow(m.Id, u.DisplayName, u.Email ?? "", m.Role, m.CanSubmit))
            .AsNoTracking().ToListAsync();
        var invitations = await db.BusinessInvitations.AsNoTracking()
            .Where(i => i.BusinessId == businessId && i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
            .OrderBy(i => i.CreatedAtUtc)
            .Select(i => new InvitationRow(i.Id, i.Email, i.CanSubmit, i.ExpiresAtUtc))
            .ToListAsync();
        ViewData[MembersContext.Key] = new MembersContext(businessId, members, invitations);
        return View("Members", form);
    }
}

public sealed record InvitationPage(string Token, string BusinessName, bool Open, bool ForThisPerson);

/// <summary>Where an invitation link leads: the invited person, signed in with the invited address, joins the business.</summary>
[Authorize]
[Route("invitations")]
public sealed class InvitationsController(SmeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string? token)
    {
        var found = await FindAsync(token);
        return found is null ? NotFound() : View("Invitation", found.Value.Page);
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Accept(string? token)
    {
        var found = await FindAsync(token);
        if (found is not { Page: { Open: true, ForThisPerson: true } } accepted)
        {
            return found is null ? NotFound() : View("Invitation", found.Value.Page);
        }

        var invitation = accepted.Invitation;
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        invitation.AcceptedAtUtc = now;
        if (!await db.BusinessMembers.AnyAsync(m => m.BusinessId == invitation.BusinessId && m.UserId == userId))
        {
            db.BusinessMembers.Add(new BusinessMember { BusinessId = invitation.BusinessId, UserId = userId, Role = MemberRole.Member, CanSubmit = invitation.CanSubmit, JoinedAtUtc = now });
        }

        await db.SaveChangesAsync();
        TempData["Notice"] = t["Members.Joined"].Value;
        return RedirectToAction(nameof(ProfileController.Show), "Profile", new { businessId = invitation.BusinessId });
    }

    private async Task<(BusinessInvitation Invitation, InvitationPage Page)?> FindAsync(string? token)
    {
        // A link of only spaces binds as no token at all: no invitation has it.
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var hash = MembersController.Hash(token);
        var invitation = await db.BusinessInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash);
        if (invitation is null)
        {
            return null;
        }

        var name = await db.Businesses.AsNoTracking().Where(b => b.Id == invitation.BusinessId).Select(b => b.Name).FirstAsync();
        var email = User.FindFirstValue(ClaimTypes.Email) ?? User.FindFirstValue(ClaimTypes.Name) ?? "";
        return (invitation, new InvitationPage(token, name, invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime),
            string.Equals(email, invitation.Email, StringComparison.OrdinalIgnoreCase)));
    }
}
