using SmePlatform.Domain.Eligibility;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>A business's recommendations: the measures shown, the count per verdict, and the questions for the missing facts.</summary>
public sealed record RecommendationsPage(
    int BusinessId, string BusinessName, IReadOnlyList<RecommendedMeasure> Shown, IReadOnlyDictionary<Verdict, int> Counts,
    RecommendationFilter Filter, IReadOnlyList<Fact> Missing, ProfileAnswersForm Answers, DateTime NowUtc);
