using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Notices.Inbox;
using SmePlatform.Web.Features.Notices.Muting;
using SmePlatform.Web.Features.Notices.Preferences;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// The signed-in person's in-app inbox (the newest notices first, the measures one change matched as one notice;
/// opening it marks them read), and what they want to be told: the email digest of new matches, purposes and
/// measures muted. Everything here is the person's own.
/// </summary>
[Authorize]
[Route("notices")]
public sealed class NoticesController(IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] InboxQuery query) => View(await query.HandleAsync(UserId));

    /// <summary>No more notices of this measure (from the notice itself).</summary>
    [HttpPost("mute/{measureId:int}")]
    public async Task<IActionResult> Mute(int measureId, [FromServices] MuteMeasureHandler handler)
    {
        await handler.HandleAsync(UserId, measureId);
        TempData["Notice"] = t["NoticeSettings.Muted"].Value;
        return Redirect("/notices");
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings([FromServices] NoticeSettingsQuery query) => View(await query.HandleAsync(UserId));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(NoticeSettingsForm form, [FromServices] SaveNoticeSettingsHandler handler, [FromServices] NoticeSettingsQuery query)
    {
        var outcome = await handler.HandleAsync(UserId, form);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(await query.HandleAsync(UserId, form));
        }

        TempData["Notice"] = t["NoticeSettings.Saved"].Value;
        return Redirect("/notices/settings");
    }
}
