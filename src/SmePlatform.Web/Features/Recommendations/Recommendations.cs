using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>A measure with its verdict for one business, ranked, and what its terms give that business in each track.</summary>
public sealed record RecommendedMeasure(IndexedMeasure Measure, Recommendation Recommendation)
{
    public Verdict Verdict => Recommendation.Verdict.Verdict;

    /// <summary>The rows of the terms that apply to this business's size class and head count, by track (no top-ups chosen).</summary>
    public IReadOnlyList<(string? Track, AppliedTerms Applied)> ForYou { get; init; } = [];
}

/// <summary>
/// The measures open now (published, accepting applications) from the catalogue's snapshot, judged and ranked for
/// a business's facts. Nothing is read from the database per measure: one business against a thousand open
/// measures is the engine's work alone.
/// </summary>
public sealed class Recommendations(CatalogueIndex index, Recommender recommender, EligibilityEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<RecommendedMeasure>> ForAsync(ApplicantFacts facts, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = (await index.MeasuresAsync(cancellationToken))
            .Where(m => m.IsAcceptingAt(now))
            .ToDictionary(m => m.Id);
        var size = engine.Classify(facts).Class;
        return [.. recommender.Rank(facts, open.Values.Select(m => m.Offer), now)
            .Select(r => new RecommendedMeasure(open[r.Measure.Id], r) { ForYou = ForYou(open[r.Measure.Id].Terms, size, facts.Employees) })];
    }

    /// <summary>What a measure's terms give a business of this size in each of its tracks (where a row applies).</summary>
    public static IReadOnlyList<(string? Track, AppliedTerms Applied)> ForYou(SubsidyTerms terms, SmeClass size, int? employees) =>
        [.. (terms.Tracks.Count == 0 ? [null] : terms.Tracks.Select(t => (string?)t.Key))
            .Select(track => (track, terms.For(new TermsSituation(track, size, employees, [])).Applied))
            .Where(x => x.Applied is not null)
            .Select(x => (x.track, x.Applied!))];
}
