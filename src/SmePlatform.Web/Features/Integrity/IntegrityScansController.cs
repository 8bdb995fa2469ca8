using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>The scans with their progress (Reviewers and Supervisors), and a scan started now (Supervisors; audited).</summary>
[Authorize(Policy = Policies.Reviewer)]
[Route("review/scans")]
public sealed class IntegrityScansController(
    SmeDbContext db, IntegrityScanService scans, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.IntegrityScans.AsNoTracking().OrderByDescending(s => s.Id).Take(20).ToListAsync());

    [HttpPost("")]
    [Authorize(Policy = Policies.Supervisor)]
    public async Task<IActionResult> Start()
    {
        // One waiting is enough: a second request while one waits or runs would check the same things again.
        if (!await db.IntegrityScans.AnyAsync(s => s.State == ScanState.Queued || s.State == ScanState.Running))
        {
            var scan = new IntegrityScan { State = ScanState.Queued, RequestedAtUtc = clock.GetUtcNow().UtcDateTime, RequestedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier) };
            db.IntegrityScans.Add(scan);
            await db.SaveChangesAsync();
            audit.Record("integrity.scan.requested", "IntegrityScan", scan.Id.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync();
            scans.Wake();
        }

        TempData["Notice"] = t["Integrity.ScanRequested"].Value;
        return Redirect("/review/scans");
    }
}
