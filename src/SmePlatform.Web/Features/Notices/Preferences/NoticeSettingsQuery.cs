using System.Globalization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices.Preferences;

/// <summary>The settings page: the saved preference as a form, or the form as typed when it comes back with a message.</summary>
public sealed class NoticeSettingsQuery(SmeDbContext db, CatalogueIndex catalogue) : IUseCase
{
    public async Task<NoticeSettingsPage> HandleAsync(string userId, NoticeSettingsForm? typed = null)
    {
        var saved = await NoticePreferences.SavedAsync(db, userId);
        var form = typed ?? new NoticeSettingsForm
        {
            EmailDigest = saved.EmailDigest,
            MutedPurposes = [.. saved.MutedPurposeSet.Order().Select(p => p.ToString())],
            MutedMeasures = [.. saved.MutedMeasureSet.Order().Select(id => id.ToString(CultureInfo.InvariantCulture))],
        };
        return await PageAsync(saved, form);
    }

    /// <summary>The page, offering to unmute the measures the saved preference mutes (not what a refused form posted).</summary>
    private async Task<NoticeSettingsPage> PageAsync(NoticePreference saved, NoticeSettingsForm form)
    {
        var measures = (await catalogue.MeasuresAsync()).ToDictionary(m => m.Id);
        return new NoticeSettingsPage(form, [.. saved.MutedMeasureSet.Where(measures.ContainsKey).Select(id => measures[id])]);
    }
}
