using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Staff;

/// <summary>Staff accounts are created here by an Administrator; nobody can register as staff.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/staff")]
public sealed class StaffController(
    SmeDbContext db,
    UserManager<ApplicationUser> users,
    AccountEmails emails,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var staff = await StaffMembersAsync(null);
        ViewData["CurrentUserId"] = users.GetUserId(User);
        return View(staff);
    }

    [HttpGet("{userId}/roles")]
    public async Task<IActionResult> Roles(string userId)
    {
        var member = await StaffMemberAsync(userId);
        return member is null
            ? NotFound()
            : View(new StaffRolesPage(member, new StaffRolesForm { Roles = [.. member.Roles] }, userId == users.GetUserId(User)));
    }

    /// <summary>
    /// Changes a staff member's roles, and ends every sign-in they have, so the new roles (and only they) apply from their
    /// next sign-in, with its second factor. An administrator cannot change their own roles (nor so remove the last
    /// administrator); someone who is not staff is not found here.
    /// </summary>
    [HttpPost("{userId}/roles")]
    public async Task<IActionResult> Roles(string userId, StaffRolesForm form, [FromServices] IValidator<StaffRolesForm> validator)
    {
        var member = await StaffMemberAsync(userId);
        if (member is null)
        {
            return NotFound();
        }

        if (userId == users.GetUserId(User))
        {
            return Forbid();
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(new StaffRolesPage(member, form, IsSelf: false));
        }

        var wanted = form.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.SequenceEqual(member.Roles))
        {
            TempData["Notice"] = t["Staff.RolesUnchanged"].Value;
            return RedirectToAction(nameof(Index));
        }

        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("A staff member without an account row.");
        // Roles, the end of every sign-in and the audit entry together or not at all.
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var changed = await users.RemoveFromRolesAsync(user, member.Roles.Except(wanted));
            if (changed.Succeeded)
            {
                changed = await users.AddToRolesAsync(user, wanted.Except(member.Roles));
            }

            if (changed.Succeeded)
            {
                changed = await users.UpdateSecurityStampAsync(user);
            }

            if (changed.Succeeded)
            {
                var ended = await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
                audit.Record("staff-account.roles-changed", "User", userId, $"roles={string.Join(',', wanted)}; sessions-ended={ended}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return changed;
        });
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return View(new StaffRolesPage(member, form, IsSelf: false));
        }

        TempData["Notice"] = t["Staff.RolesChanged"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Staff members (people with a staff role), or the one of <paramref name="userId"/>, with their roles.</summary>
    /// <summary>One staff member by id; an id of spaces (bound as none) is nobody, not everybody.</summary>
    private async Task<StaffMember?> StaffMemberAsync(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? null : (await StaffMembersAsync(userId)).SingleOrDefault();

    private async Task<List<StaffMember>> StaffMembersAsync(string? userId)
    {
        var staffRoleIds = StaffRoles.All.Select(r => r.Id).ToList();
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where staffRoleIds.Contains(role.Id) && (userId == null || user.Id == userId)
            select new { user.Id, user.DisplayName, user.Email, user.TwoFactorEnabled, user.EmailConfirmed, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync();
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().DisplayName, g.First().Email ?? "", [.. g.Select(r => r.Role).Order(StringComparer.Ordinal)], g.First().TwoFactorEnabled, g.First().EmailConfirmed))
            .OrderBy(s => s.Email, StringComparer.Ordinal)];
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateStaffForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateStaffForm form, [FromServices] IValidator<CreateStaffForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var user = new ApplicationUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            // The invitation link proves the address when it is used.
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // Account, role and audit entry together or not at all; inside the provider's execution strategy,
        // which SQL Server's retrying strategy requires for a transaction of our own.
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, form.Role!);
            }

            if (created.Succeeded)
            {
                audit.Record("staff-account.created", "User", user.Id, $"role={form.Role}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return created;
        });
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return View(form);
        }

        await emails.SendStaffInvitationAsync(user);
        TempData["Notice"] = t["Staff.Created"].Value;
        return RedirectToAction(nameof(Index));
    }
}
