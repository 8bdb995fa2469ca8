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
        var staffRoleIds = StaffRoles.All.Select(r => r.Id).ToList();
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where staffRoleIds.Contains(role.Id)
            select new { user.Id, user.DisplayName, user.Email, user.TwoFactorEnabled, user.EmailConfirmed, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync();
        var staff = rows
            .GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().DisplayName, g.First().Email ?? "", [.. g.Select(r => r.Role).Order()], g.First().TwoFactorEnabled, g.First().EmailConfirmed))
            .OrderBy(s => s.Email, StringComparer.Ordinal)
            .ToList();
        return View(staff);
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
