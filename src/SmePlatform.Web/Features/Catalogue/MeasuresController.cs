using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Catalogue;

public sealed record CatalogueSearchPage(MeasureQuery Query, CatalogueResult Result);

/// <summary>A measure as its page shows it, at one reading of the clock.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="State">Whether it takes applications now.</param>
/// <param name="NowUtc">The instant the page is for (days left).</param>
/// <param name="Related">Measures for the same purposes.</param>
/// <param name="AppliesOnline">Whether it has an application form on the portal.</param>
public sealed record MeasureDetailPage(SupportMeasure Measure, AcceptanceState State, DateTime NowUtc, IReadOnlyList<IndexedMeasure> Related, bool AppliesOnline = false);

/// <summary>The one-stop catalogue: search every published measure, and read one.</summary>
[AllowAnonymous]
[Route("measures")]
public sealed class MeasuresController(CatalogueIndex index, SmeDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] MeasureQuery query, CancellationToken cancellationToken)
    {
        // A malformed value (an unknown purpose, say) is ignored rather than shown as an error: the page is a search.
        ModelState.Clear();
        var result = await index.SearchAsync(query, key => t[key], cancellationToken);
        return View(new CatalogueSearchPage(query, result));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var measure = await db.SupportMeasures.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Slug == slug && m.Status != MeasureStatus.Draft, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var state = Acceptance.At(measure.AcceptanceStartUtc, measure.AcceptanceEndUtc, now);
        var related = await index.RelatedAsync(measure.Id, [.. measure.Purposes.Select(p => p.Purpose)], 3, cancellationToken);
        var online = await db.ApplicationForms.AnyAsync(f => f.MeasureId == measure.Id, cancellationToken);
        return View(new MeasureDetailPage(measure, state, now, related, online));
    }
}
