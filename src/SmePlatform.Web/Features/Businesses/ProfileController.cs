using System.Security.Claims;
using System.Text.Encodings.Web;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Forms;

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
public sealed class ProfileController(SmeDbContext db, SmeDefinition sme, ProfileHistory history, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int businessId)
    {
        var business = await LoadAsync(businessId, tracked: false);
        return View(new ProfilePage(business, HttpContext.Membership(), sme.Classify(business.Facts), await history.SourcesAsync(businessId)));
    }

    [HttpGet("basics")]
    public async Task<IActionResult> Basics(int businessId) => View(BasicsForm.From(await LoadAsync(businessId, tracked: false)));

    [HttpPost("basics")]
    public async Task<IActionResult> Basics(
        int businessId, BasicsForm form, string? intent, [FromServices] IValidator<BasicsForm> validator, [FromServices] PostalCodeDirectory postalCodes, [FromServices] ReferenceCatalog reference, [FromServices] HtmlEncoder encoder)
    {
        if (intent == "lookup")
        {
            return LookUpAddress(form, postalCodes, reference, encoder);
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var business = await LoadAsync(businessId, tracked: true);
        return await SaveAsync(business, form.Version, form.ApplyTo) ? Saved(businessId) : Refused(form);
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
    public async Task<IActionResult> Industry(int businessId) => View(IndustryForm.From(await LoadAsync(businessId, tracked: false)));

    [HttpPost("industry")]
    public async Task<IActionResult> Industry(int businessId, IndustryForm form, [FromServices] IValidator<IndustryForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var business = await LoadAsync(businessId, tracked: true);
        return await SaveAsync(business, form.Version, form.ApplyTo) ? Saved(businessId) : Refused(form);
    }

    [HttpGet("history")]
    [BusinessScoped(ownerOnly: true)]
    public async Task<IActionResult> History(int businessId)
    {
        var business = await LoadAsync(businessId, tracked: false);
        var entries = await (
            from change in db.ProfileChanges
            where change.BusinessId == businessId
            join user in db.Users on change.ChangedByUserId equals user.Id into users
            from who in users.DefaultIfEmpty()
            orderby change.ChangedAtUtc descending, change.Id descending
            select new ProfileHistoryEntry(change.ChangedAtUtc, change.Field, change.OldValue, change.NewValue, change.Source, who == null ? "" : who.DisplayName))
            .AsNoTracking()
            .ToListAsync();
        return View(new ProfileHistoryPage(business, entries));
    }

    private async Task<Business> LoadAsync(int businessId, bool tracked)
    {
        var query = tracked ? db.Businesses : db.Businesses.AsNoTracking();
        // The scope filter has already found the membership, so the business exists.
        return await query.FirstAsync(b => b.Id == businessId);
    }

    /// <summary>Applies a change against the version the form started from, recording each changed field.</summary>
    private async Task<bool> SaveAsync(Business business, int startedFrom, Action<Business> change)
    {
        var before = ProfileHistory.Snapshot(business);
        change(business);
        if (history.Record(business.Id, before, ProfileHistory.Snapshot(business), ProfileSource.SelfDeclared, User.FindFirstValue(ClaimTypes.NameIdentifier)!) == 0)
        {
            return true;
        }

        return await db.SaveFromVersionAsync(business, startedFrom, clock.GetUtcNow().UtcDateTime);
    }

    private RedirectToActionResult Saved(int businessId)
    {
        TempData["Notice"] = t["Business.Saved"].Value;
        return RedirectToAction(nameof(Show), new { businessId });
    }

    private ViewResult Refused<TForm>(TForm form)
    {
        ModelState.AddModelError("", t["BusinessValidation.Concurrency"]);
        return View(form);
    }
}
