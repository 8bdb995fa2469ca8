using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Home;

/// <param name="RegisterBusinessNext">A signed-in business user who belongs to no business yet: the page says registering one is the next step.</param>
public sealed record HomePage(bool RegisterBusinessNext);

[AllowAnonymous]
public sealed class HomeController(SmeDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index() => View(new HomePage(await RegisterBusinessNextAsync()));

    /// <summary>Only for a signed-in person without a staff role: a visitor reads the page without a query.</summary>
    private async Task<bool> RegisterBusinessNextAsync()
    {
        if (User.Identity?.IsAuthenticated != true || StaffRoles.All.Any(role => User.IsInRole(role.Name)))
        {
            return false;
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return !await db.BusinessMembers.AnyAsync(m => m.UserId == userId);
    }
}
