using System.Globalization;
using FluentValidation;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices.Preferences;

/// <summary>
/// The person saves what they want to be told (<see cref="NoticeSettingsForm"/>): the digest on or off, the purposes
/// muted, and which of the muted measures stay muted (a measure is muted from its notice, never added here).
/// </summary>
public sealed class SaveNoticeSettingsHandler(SmeDbContext db, TimeProvider clock, IValidator<NoticeSettingsForm> validator) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(string userId, NoticeSettingsForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var preference = await NoticePreferences.TrackedAsync(db, userId);
        if (form.EmailDigest && !preference.EmailDigest)
        {
            // The first digest covers what comes from now on, not the whole inbox.
            preference.DigestedUpToUtc = clock.GetUtcNow().UtcDateTime;
        }

        preference.EmailDigest = form.EmailDigest;
        preference.MutedPurposes = string.Join(',', form.MutedPurposes.Select(NoticeSettingsForm.PurposeOf).OfType<Purpose>().Distinct().Order());
        var kept = form.MutedMeasures.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToHashSet();
        preference.MutedMeasures = string.Join(',', preference.MutedMeasureSet.Where(kept.Contains).Order());
        await db.SaveChangesAsync();
        return Outcome.Done();
    }
}
