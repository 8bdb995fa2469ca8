using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <param name="Entries">The newest first; a match job's notices are one entry.</param>
/// <param name="Measures">The measures pushed notices name, by id (their titles in both languages).</param>
public sealed record NoticesPage(IReadOnlyList<InboxEntry> Entries, IReadOnlyDictionary<int, IndexedMeasure> Measures);

/// <summary>What the settings page edits: the digest and the muted purposes and measures.</summary>
public sealed class NoticeSettingsForm
{
    [Display(Name = "NoticeSettings.EmailDigest")] public bool EmailDigest { get; set; }
    [Display(Name = "NoticeSettings.MutedPurposes")] public List<string> MutedPurposes { get; set; } = [];
    [Display(Name = "NoticeSettings.MutedMeasures")] public List<string> MutedMeasures { get; set; } = [];
}

public sealed record NoticeSettingsPage(NoticeSettingsForm Form, IReadOnlyList<IndexedMeasure> MutedMeasures);

/// <summary>
/// The signed-in person's in-app inbox (the newest notices first, the measures one change matched as one notice;
/// opening it marks them read), and what they want to be told: the email digest of new matches, purposes and
/// measures muted. Everything here is the person's own.
/// </summary>
[Authorize]
[Route("notices")]
public sealed class NoticesController(SmeDbContext db, CatalogueIndex catalogue, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var notices = await db.Notices.AsNoTracking().Where(n => n.UserId == UserId).OrderByDescending(n => n.Id).Take(InboxEntry.RowsRead).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notices.Where(n => n.UserId == UserId && n.ReadAtUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now));
        return View(new NoticesPage([.. InboxEntry.Group(notices).Take(100)], await MeasuresByIdAsync()));
    }

    /// <summary>No more notices of this measure (from the notice itself).</summary>
    [HttpPost("mute/{measureId:int}")]
    public async Task<IActionResult> Mute(int measureId)
    {
        var preference = await PreferenceAsync();
        preference.MutedMeasures = string.Join(',', preference.MutedMeasureSet.Append(measureId).Distinct().Order());
        await db.SaveChangesAsync();
        TempData["Notice"] = t["NoticeSettings.Muted"].Value;
        return Redirect("/notices");
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings()
    {
        var preference = await SavedPreferenceAsync();
        return View(await SettingsPageAsync(preference, new NoticeSettingsForm
        {
            EmailDigest = preference.EmailDigest,
            MutedPurposes = [.. preference.MutedPurposeSet.Order().Select(p => p.ToString())],
            MutedMeasures = [.. preference.MutedMeasureSet.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))],
        }));
    }

    [HttpPost("settings")]
    public async Task<IActionResult> Settings(NoticeSettingsForm form)
    {
        var purposes = form.MutedPurposes.Select(p => Enum.TryParse<Purpose>(p, out var purpose) && Enum.IsDefined(purpose) ? purpose : (Purpose?)null).ToList();
        if (purposes.Contains(null))
        {
            ModelState.AddModelError(nameof(form.MutedPurposes), t["NoticeSettings.UnknownPurpose"]);
            return View(await SettingsPageAsync(await SavedPreferenceAsync(), form));
        }

        var preference = await PreferenceAsync();
        if (form.EmailDigest && !preference.EmailDigest)
        {
            // The first digest covers what comes from now on, not the whole inbox.
            preference.DigestedUpToUtc = clock.GetUtcNow().UtcDateTime;
        }

        preference.EmailDigest = form.EmailDigest;
        preference.MutedPurposes = string.Join(',', purposes.OfType<Purpose>().Distinct().Order());
        var kept = form.MutedMeasures.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToHashSet();
        preference.MutedMeasures = string.Join(',', preference.MutedMeasureSet.Where(kept.Contains).Order());
        await db.SaveChangesAsync();
        TempData["Notice"] = t["NoticeSettings.Saved"].Value;
        return Redirect("/notices/settings");
    }

    private async Task<NoticePreference> PreferenceAsync()
    {
        var preference = await db.NoticePreferences.FirstOrDefaultAsync(p => p.UserId == UserId);
        if (preference is null)
        {
            preference = new NoticePreference { UserId = UserId };
            db.NoticePreferences.Add(preference);
        }

        return preference;
    }

    /// <summary>The person's saved preference, or the defaults when they never saved one.</summary>
    private async Task<NoticePreference> SavedPreferenceAsync() =>
        await db.NoticePreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == UserId) ?? new NoticePreference { UserId = UserId };

    /// <summary>The page, offering to unmute the measures the saved preference mutes (not what a refused form posted).</summary>
    private async Task<NoticeSettingsPage> SettingsPageAsync(NoticePreference saved, NoticeSettingsForm form)
    {
        var measures = await MeasuresByIdAsync();
        return new NoticeSettingsPage(form, [.. saved.MutedMeasureSet.Where(measures.ContainsKey).Select(id => measures[id])]);
    }

    private async Task<IReadOnlyDictionary<int, IndexedMeasure>> MeasuresByIdAsync() => (await catalogue.MeasuresAsync()).ToDictionary(m => m.Id);
}
