using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Applications;

public sealed record StartPage(SupportMeasure Measure, IReadOnlyList<Data.Businesses.Business> Businesses);

/// <summary>
/// Where an application begins, from a measure's page: choose which of one's businesses applies (when one has
/// several), and its draft is made — or the draft it already has for that measure is opened. Only a measure with an
/// application form is applied for here; an address for one without (an old link, say) leads to its "how to apply".
/// </summary>
[Authorize]
[Route("applications/new")]
public sealed class StartApplicationController(SmeDbContext db, ApplicationStore store) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Start(string? measure)
    {
        if (string.IsNullOrEmpty(measure))
        {
            return Redirect("/measures");
        }

        var found = await OpenMeasureWithFormAsync(measure);
        if (found is null)
        {
            // A published measure without a form here is applied for elsewhere: its page says how, and where.
            var published = await db.SupportMeasures.AsNoTracking().AnyAsync(m => m.Slug == measure && m.Status == MeasureStatus.Published);
            return published ? Redirect($"/measures/{Uri.EscapeDataString(measure)}#apply") : NotFound();
        }

        var businesses = await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == UserId)
            .Join(db.Businesses, m => m.BusinessId, b => b.Id, (m, b) => b).OrderBy(b => b.Name).ToListAsync();
        return View("Start", new StartPage(found.Value.Measure, businesses));
    }

    [HttpPost("")]
    public async Task<IActionResult> Start(string? measure, int businessId)
    {
        var found = await OpenMeasureWithFormAsync(measure);
        if (found is null || !await db.BusinessMembers.AnyAsync(m => m.BusinessId == businessId && m.UserId == UserId))
        {
            return NotFound();
        }

        var application = await store.StartAsync(businessId, found.Value.Measure, found.Value.Form, UserId);
        return Redirect($"/businesses/{businessId}/applications/{application.Id}/{ApplicationFile.ProfileStep}");
    }

    private async Task<(SupportMeasure Measure, Data.Applications.ApplicationForm Form)?> OpenMeasureWithFormAsync(string? slug)
    {
        var measure = await db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Slug == slug && m.Status == MeasureStatus.Published);
        if (measure is null || await store.CurrentFormAsync(measure.Id) is not { } form)
        {
            return null;
        }

        return (measure, form);
    }

}
