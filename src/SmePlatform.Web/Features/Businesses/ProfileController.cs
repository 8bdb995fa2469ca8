using System.Security.Claims;
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
    public async Task<IActionResult> Basics(int businessId, BasicsForm form, string? intent, [FromServices] IValidator<BasicsForm> validator, [FromServices] PostalCodeDirectory postalCodes)
    {
        if (intent == "lookup")
        {
            return LookUpAddress(form, postalCodes);
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var business = await LoadAsync(businessId, tracked: true);
        return await SaveAsync(business, form.Version, form.ApplyTo) ? Saved(businessId) : Refused(form);
    }

    /// <summary>
    /// The lookup button (for those without JavaScript, which fills the address in the page): the form comes back
    /// with every typed value kept and the prefecture, city and town filled from the postal code.
    /// </summary>
    private ViewResult LookUpAddress(BasicsForm form, PostalCodeDirectory postalCodes)
    {
        ModelState.Clear();
        var digits = JapaneseInput.Digits(form.PostalCode);
        var addresses = digits.Length == 7 && digits.All(char.IsAsciiDigit) ? postalCodes.Lookup(digits) : [];
        if (addresses.Count == 0)
        {
            ModelState.AddModelError(nameof(form.PostalCode), t["Business.PostalCodeNotFound"]);
            return View(form);
        }

        var first = addresses[0];
        form.PostalCode = digits;
        form.PrefectureCode = first.PrefectureCode;
        form.City = first.City;
        form.Street = addresses.Count == 1 ? first.Town : form.Street;
        ViewData["LookupNotice"] = addresses.Count == 1
            ? t["Business.AddressFilled"].Value
            : t["Business.AddressSeveral", string.Join(t["List.Separator"].Value, addresses.Select(a => a.Town))].Value;
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
