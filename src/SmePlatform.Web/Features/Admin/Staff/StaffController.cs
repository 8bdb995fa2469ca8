using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.Staff.Invitation;
using SmePlatform.Web.Features.Admin.Staff.Members;
using SmePlatform.Web.Features.Admin.Staff.RoleChange;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Staff;

/// <summary>Staff accounts are created here by an Administrator; nobody can register as staff.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/staff")]
public sealed class StaffController(UserManager<ApplicationUser> users, StaffMembersQuery members, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var staff = await members.HandleAsync();
        ViewData["CurrentUserId"] = users.GetUserId(User);
        return View(staff);
    }

    [HttpGet("{userId}/roles")]
    public async Task<IActionResult> Roles(string userId)
    {
        var member = await members.OneAsync(userId);
        return member is null
            ? NotFound()
            : View(new StaffRolesPage(member, new StaffRolesForm { Roles = [.. member.Roles] }, userId == users.GetUserId(User)));
    }

    /// <summary>Changes a staff member's roles and ends their sign-ins (<see cref="ChangeStaffRolesHandler"/>).</summary>
    [HttpPost("{userId}/roles")]
    public async Task<IActionResult> Roles(string userId, StaffRolesForm form, [FromServices] ChangeStaffRolesHandler handler)
    {
        var outcome = await handler.HandleAsync(userId, form, users.GetUserId(User));
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.NotAllowed:
                return Forbid();
            case OutcomeKind.Done:
                TempData["Notice"] = t[outcome.Value ? "Staff.RolesChanged" : "Staff.RolesUnchanged"].Value;
                return RedirectToAction(nameof(Index));
            default:
                ModelState.AddOutcomeErrors(outcome);
                return View(new StaffRolesPage((await members.OneAsync(userId))!, form, IsSelf: false));
        }
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateStaffForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateStaffForm form, [FromServices] CreateStaffMemberHandler handler)
    {
        var outcome = await handler.HandleAsync(form);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(form);
        }

        TempData["Notice"] = t["Staff.Created"].Value;
        return RedirectToAction(nameof(Index));
    }
}
