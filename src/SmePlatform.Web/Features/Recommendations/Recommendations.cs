using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>A measure with its verdict for one business, ranked.</summary>
public sealed record RecommendedMeasure(IndexedMeasure Measure, Recommendation Recommendation)
{
    public Verdict Verdict => Recommendation.Verdict.Verdict;
}

/// <summary>
/// The measures open now (published, accepting applications) from the catalogue's snapshot, judged and ranked for
/// a business's facts. Nothing is read from the database per measure: one business against a thousand open
/// measures is the engine's work alone.
/// </summary>
public sealed class Recommendations(CatalogueIndex index, Recommender recommender, TimeProvider clock)
{
    public async Task<IReadOnlyList<RecommendedMeasure>> ForAsync(ApplicantFacts facts, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = (await index.MeasuresAsync(cancellationToken))
            .Where(m => m.IsAcceptingAt(now))
            .ToDictionary(m => m.Id);
        return [.. recommender.Rank(facts, open.Values.Select(m => m.Offer), now).Select(r => new RecommendedMeasure(open[r.Measure.Id], r))];
    }
}
