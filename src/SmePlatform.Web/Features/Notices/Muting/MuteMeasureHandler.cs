using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Notices.Preferences;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Notices.Muting;

/// <summary>No more notices of this measure, asked from the notice itself.</summary>
public sealed class MuteMeasureHandler(SmeDbContext db) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(string userId, int measureId)
    {
        var preference = await NoticePreferences.TrackedAsync(db, userId);
        preference.MutedMeasures = string.Join(',', preference.MutedMeasureSet.Append(measureId).Distinct().Order());
        await db.SaveChangesAsync();
        return Outcome.Done();
    }
}
