using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Features.Catalogue.Detail;

namespace SmePlatform.Web.Features.Catalogue;

/// <summary>The one-stop catalogue: search every published measure, and read one.</summary>
[AllowAnonymous]
[Route("measures")]
public sealed class MeasuresController(CatalogueIndex index, IStringLocalizer<SharedResource> t) : Controller
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
    public async Task<IActionResult> Detail(string slug, [FromServices] MeasureDetailQuery query, CancellationToken cancellationToken) =>
        await query.HandleAsync(slug, cancellationToken) is { } page ? View(page) : NotFound();
}
