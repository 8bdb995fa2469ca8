using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Features.Businesses.ShowHistory;
using SmePlatform.Web.Features.Businesses.ShowProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses;

public sealed record ProfilePage(Business Business, BusinessMember Membership, SmeClassification Classification, IReadOnlyDictionary<string, FieldSource> Sources);

public sealed record ProfileHistoryPage(Business Business, IReadOnlyList<ProfileHistoryEntry> Entries);

/// <summary>The postal lookup's answer to the page's script: whether the code was found, the address fields after it, and what it did (HTML).</summary>
public sealed record PostalLookupAnswer(bool Found, string? PostalCode, string? PrefectureCode, string? City, string? Street, string Notice);

public sealed record ProfileHistoryEntry(DateTime AtUtc, string Field, string? OldValue, string? NewValue, ProfileSource Source, string Who);

/// <summary>
/// The business's once-only profile: read by every member, changed in two groups (basics; industry and size),
/// each change kept with where it came from. The history is the Owner's to see.
/// </summary>
[Authorize]
[BusinessScoped]
[Route("businesses/{businessId:int}/profile")]
public sealed class ProfileController(IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>The basics form's button that fills the address from the postal code, instead of saving.</summary>
    public const string LookupIntent = "lookup";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Show(int businessId, [FromServices] ProfilePageQuery page) =>
        View(await page.HandleAsync(businessId, HttpContext.Membership()));

    [HttpGet("basics")]
    public async Task<IActionResult> Basics(int businessId, [FromServices] ProfilePageQuery page) => View(BasicsForm.From(await page.BusinessAsync(businessId)));

    [HttpPost("basics")]
    public async Task<IActionResult> Basics(
        int businessId, BasicsForm form, string? intent, [FromServices] ChangeBasicsHandler handler, [FromServices] PostalCodeDirectory postalCodes, [FromServices] ReferenceCatalog reference, [FromServices] HtmlEncoder encoder)
    {
        if (intent == LookupIntent)
        {
            return LookUpAddress(form, postalCodes, reference, encoder);
        }

        return Answer(await handler.HandleAsync(businessId, form, UserId), businessId, form);
    }

    /// <summary>
    /// The lookup button: the address filled from the postal code where it is empty, nothing typed replaced
    /// (<see cref="AddressFill"/>), and a notice of what was filled and what disagrees. Without JavaScript the form comes
    /// back with every typed value kept; the page's script asks the same (Accept: application/json) and gets the fields
    /// and the notice to put into the page.
    /// </summary>
    private IActionResult LookUpAddress(BasicsForm form, PostalCodeDirectory postalCodes, ReferenceCatalog reference, HtmlEncoder encoder)
    {
        ModelState.Clear();
        var script = Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));
        var digits = JapaneseInput.Digits(form.PostalCode);
        var addresses = digits.Length == 7 && digits.All(char.IsAsciiDigit) ? postalCodes.Lookup(digits) : [];
        if (addresses.Count == 0)
        {
            if (script)
            {
                return Json(new PostalLookupAnswer(false, null, null, null, null, encoder.Encode(t["Business.PostalCodeNotFound"])));
            }

            ModelState.AddModelError(nameof(form.PostalCode), t["Business.PostalCodeNotFound"]);
            return View(form);
        }

        var fill = AddressFill.Of(new AddressParts(form.PrefectureCode, form.City, form.Street), [.. addresses.Select(a => new AddressParts(a.PrefectureCode, a.City, a.Town))]);
        form.PostalCode = digits;
        (form.PrefectureCode, form.City, form.Street) = (fill.Address.PrefectureCode, fill.Address.City, fill.Address.Street);
        var notice = PostalLookup.Notice(fill, addresses, reference, t);
        if (script)
        {
            return Json(new PostalLookupAnswer(true, form.PostalCode, form.PrefectureCode, form.City, form.Street, PostalLookup.Html(notice, encoder)));
        }

        ViewData["LookupNotice"] = notice;
        return View(form);
    }

    [HttpGet("industry")]
    public async Task<IActionResult> Industry(int businessId, [FromServices] ProfilePageQuery page) => View(IndustryForm.From(await page.BusinessAsync(businessId)));

    [HttpPost("industry")]
    public async Task<IActionResult> Industry(int businessId, IndustryForm form, [FromServices] ChangeIndustryHandler handler) =>
        Answer(await handler.HandleAsync(businessId, form, UserId), businessId, form);

    [HttpGet("history")]
    [BusinessScoped(ownerOnly: true)]
    public async Task<IActionResult> History(int businessId, [FromServices] ProfileHistoryQuery history) =>
        await history.HandleAsync(businessId) is { } page ? View(page) : NotFound();

    /// <summary>Saved (to the profile, with a notice); refused (the form again, with why).</summary>
    private IActionResult Answer<TForm>(Outcome<Unit> outcome, int businessId, TForm form)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = t["Business.Saved"].Value;
                return RedirectToAction(nameof(Show), new { businessId });
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
                return View(form);
            case OutcomeKind.Invalid:
                ModelState.AddOutcomeErrors(outcome);
                return View(form);
            default:
                return NotFound();
        }
    }
}
