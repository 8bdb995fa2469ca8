using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.SelfCheck.Scores;

/// <summary>
/// A business's self-check page: the six indicators of its statements across the years, its position among peers
/// (where its industry has any), and for each weak indicator the open measures that address it; with the
/// questionnaire as saved, or as typed when it comes back with a message.
/// </summary>
public sealed class SelfCheckPageQuery(
    SmeDbContext db, SelfCheckReader reader, ApplicantFactsReader facts, Recommendations.Recommendations recommendations, TimeProvider clock) : IUseCase
{
    public async Task<SelfCheckPage> HandleAsync(int businessId, NonFinancialForm? typed = null)
    {
        var answers = typed ?? NonFinancialForm.From(await db.SelfCheckAnswers.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync());
        var business = await db.Businesses.AsNoTracking().Where(b => b.Id == businessId).Select(b => new { b.Name, b.IndustryMajor }).FirstAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var years = await reader.YearsAsync(businessId);
        var standard = await reader.StandardAsync(business.IndustryMajor);
        var history = Assessment.History(years, standard.Standard);
        if (history.Count == 0)
        {
            return new SelfCheckPage(businessId, business.Name, null, [], [], answers, business.IndustryMajor is not null, now);
        }

        var latest = history[^1];
        IReadOnlyDictionary<Indicator, PeerPosition?>? peers = null;
        if (business.IndustryMajor is { } industry)
        {
            var values = await reader.PeerValuesAsync(industry);
            peers = latest.Indicators.ToDictionary(i => i.Indicator, i => i.Value.Value is { } mine ? PeerPosition.Of(i.Indicator, mine, values[i.Indicator]) : null);
        }

        var remedies = new List<Remedy>();
        if (latest.Indicators.Any(i => i.IsWeak) && await facts.ForBusinessAsync(businessId) is { } known)
        {
            var open = await recommendations.ForAsync(known);
            remedies.AddRange(latest.Indicators.Where(i => i.IsWeak).Select(weak => new Remedy(weak, [.. open
                .Where(r => r.Verdict != Verdict.NotEligible && r.Measure.Purposes.Intersect(LocalBenchmark.Remedies(weak.Indicator)).Any())
                .Take(3)])));
        }

        return new SelfCheckPage(businessId, business.Name, new AssessmentView(latest, standard, peers), history, remedies, answers, business.IndustryMajor is not null, now);
    }
}
