using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Recommendations.ForBusiness;

/// <summary>
/// A business's recommendations: its profile judged against every open measure, with reasons, filtered as asked; and
/// the facts the undecided measures need, asked as a few questions (with the answers as saved, or as typed when they
/// come back with a message).
/// </summary>
public sealed class RecommendationsPageQuery(SmeDbContext db, Recommendations recommendations, ApplicantFactsReader facts, TimeProvider clock) : IUseCase
{
    public async Task<RecommendationsPage> HandleAsync(int businessId, RecommendationFilter filter, ProfileAnswersForm? typed = null)
    {
        var business = await db.Businesses.AsNoTracking().Include(b => b.Purposes).FirstAsync(b => b.Id == businessId);
        return await PageAsync(business, filter, typed ?? ProfileAnswersForm.From(business));
    }

    private async Task<RecommendationsPage> PageAsync(Business business, RecommendationFilter filter, ProfileAnswersForm answers)
    {
        var known = await facts.ForBusinessAsync(business.Id) ?? throw new InvalidOperationException("The business scope found the business.");
        var all = await recommendations.ForAsync(known);
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => all.Count(r => r.Verdict == v));

        // The facts the undecided measures need, the one that decides the most measures first.
        var missing = all.Where(r => r.Verdict == Verdict.NeedMoreInformation)
            .SelectMany(r => r.Recommendation.Verdict.Missing)
            .GroupBy(f => f)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .ToList();
        answers.Asked = [.. missing.Where(ProfileAnswersForm.Asks).Select(f => f.ToString())];
        return new RecommendationsPage(business.Id, business.Name, [.. all.Where(filter.Shows)], counts, filter, missing, answers, clock.GetUtcNow().UtcDateTime);
    }
}
