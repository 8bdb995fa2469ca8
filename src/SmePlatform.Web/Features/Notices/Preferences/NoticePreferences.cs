using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices.Preferences;

/// <summary>A person's notice preference as the settings and mute handlers change it.</summary>
public static class NoticePreferences
{
    /// <summary>The person's preference, tracked for a change; a new one (added, not saved) when they never saved one.</summary>
    public static async Task<NoticePreference> TrackedAsync(SmeDbContext db, string userId)
    {
        var preference = await db.NoticePreferences.FirstOrDefaultAsync(p => p.UserId == userId);
        if (preference is null)
        {
            preference = new NoticePreference { UserId = userId };
            db.NoticePreferences.Add(preference);
        }

        return preference;
    }

    /// <summary>The person's saved preference, or the defaults when they never saved one.</summary>
    public static async Task<NoticePreference> SavedAsync(SmeDbContext db, string userId) =>
        await db.NoticePreferences.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId) ?? new NoticePreference { UserId = userId };
}
