using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Web.Features.Applications.Start;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// Where an application begins, from a measure's page: choose which of one's businesses applies (when one has
/// several), and its draft is made — or the draft it already has for that measure is opened. Only a measure with an
/// application form is applied for here; an address for one without (an old link, say) leads to its "how to apply".
/// </summary>
[Authorize]
[Route("applications/new")]
public sealed class StartApplicationController : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Start(string? measure, [FromServices] StartQuery query)
    {
        if (string.IsNullOrEmpty(measure))
        {
            return Redirect("/measures");
        }

        if (await query.RunAsync(measure, UserId) is { } page)
        {
            return View("Start", page);
        }

        // A published measure without a form here is applied for elsewhere: its page says how, and where.
        return await query.PublishedElsewhereAsync(measure) ? Redirect($"/measures/{Uri.EscapeDataString(measure)}#apply") : NotFound();
    }

    [HttpPost("")]
    public async Task<IActionResult> Start(string? measure, int businessId, [FromServices] StartApplicationHandler handler)
    {
        var outcome = await handler.HandleAsync(new StartApplicationCommand(measure, businessId, UserId));
        return outcome.Value is { } application
            ? Redirect($"/businesses/{businessId}/applications/{application.Id}/{ApplicationFile.ProfileStep}")
            : NotFound();
    }
}
