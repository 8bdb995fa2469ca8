using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Applications;

/// <summary>After signing in again: what was typed before the session expired, ready to be sent on (see <see cref="FormRescue"/>).</summary>
[Authorize]
[Route("rescued-forms")]
public sealed class RescuedFormsController(SmeDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("latest")]
    public async Task<IActionResult> Latest() =>
        View("Rescued", await FormRescue.TakeAsync(HttpContext, db, clock.GetUtcNow().UtcDateTime));
}
