using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices;

public sealed record NoticesPage(IReadOnlyList<Notice> Notices);

/// <summary>The signed-in person's in-app inbox: the newest notices first; opening the inbox marks them read.</summary>
[Authorize]
[Route("notices")]
public sealed class NoticesController(SmeDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var notices = await db.Notices.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notices.Where(n => n.UserId == userId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
        return View(new NoticesPage(notices));
    }
}
