using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Time;

namespace SmePlatform.Domain.Eligibility;

/// <summary>An open measure as the recommender reads it.</summary>
/// <param name="Id">The measure's id.</param>
/// <param name="Rules">Who it is for.</param>
/// <param name="Purposes">What it supports.</param>
/// <param name="MaxAmountYen">Its largest amount, when it has one.</param>
/// <param name="DeadlineUtc">The end of its acceptance window, when it has one.</param>
public sealed record MeasureOffer(int Id, EligibilityRules Rules, IReadOnlyList<Purpose> Purposes, long? MaxAmountYen, DateTime? DeadlineUtc);

/// <summary>One measure for one business: the verdict with its reasons, and where it ranks.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Verdict">The verdict with one reason per rule.</param>
/// <param name="Score">Higher first, within the same verdict.</param>
/// <param name="AlreadyApplied">The business has already applied for it.</param>
/// <param name="PurposeMatches">How many of the business's purposes the measure supports.</param>
public sealed record Recommendation(MeasureOffer Measure, EligibilityVerdict Verdict, double Score, bool AlreadyApplied, int PurposeMatches);

/// <summary>
/// Ranks the open measures for a business: eligible first, then those that need more information, then the
/// rest; within each, the measures the business has already applied for after the others; then the more of the
/// business's purposes a measure supports, the higher; then a measure whose conditions were checked against the
/// business above one that sets none (being open to everyone is no sign that it fits); then by a score of purpose
/// matches (3 points each), an approaching deadline (up to 2 points, rising over the last 90 days) and the amount (a
/// tenth of a point for each tenfold).
/// </summary>
public sealed class Recommender(EligibilityEngine engine)
{
    public const double PurposeWeight = 3;
    public const double DeadlineWeight = 2;
    public const int DeadlineHorizonDays = 90;

    public IReadOnlyList<Recommendation> Rank(ApplicantFacts facts, IEnumerable<MeasureOffer> measures, DateTime nowUtc)
    {
        var today = JapanTime.DateOf(nowUtc);
        var list = new List<Recommendation>();
        foreach (var measure in measures)
        {
            var verdict = engine.Judge(facts, measure.Rules, today, measure.Id);
            var matches = facts.Purposes is { } purposes ? measure.Purposes.Count(purposes.Contains) : 0;
            var applied = facts.AppliedMeasureIds?.Contains(measure.Id) == true;
            list.Add(new Recommendation(measure, verdict, Score(matches, measure, nowUtc), applied, matches));
        }

        list.Sort(static (a, b) =>
            a.Verdict.Verdict != b.Verdict.Verdict ? a.Verdict.Verdict.CompareTo(b.Verdict.Verdict)
            : a.AlreadyApplied != b.AlreadyApplied ? a.AlreadyApplied.CompareTo(b.AlreadyApplied)
            : a.PurposeMatches != b.PurposeMatches ? b.PurposeMatches.CompareTo(a.PurposeMatches)
            : a.Verdict.HasNoConditions != b.Verdict.HasNoConditions ? a.Verdict.HasNoConditions.CompareTo(b.Verdict.HasNoConditions)
            : a.Score != b.Score ? b.Score.CompareTo(a.Score)
            : a.Measure.Id.CompareTo(b.Measure.Id));
        return list;
    }

    public static double Score(int purposeMatches, MeasureOffer measure, DateTime nowUtc)
    {
        var score = purposeMatches * PurposeWeight;
        if (measure.DeadlineUtc is { } deadline && deadline > nowUtc)
        {
            var days = Math.Min(DeadlineHorizonDays, (deadline - nowUtc).TotalDays);
            score += DeadlineWeight * (1 - (days / DeadlineHorizonDays));
        }

        if (measure.MaxAmountYen is { } amount && amount > 0)
        {
            score += Math.Log10(amount) / 10;
        }

        return score;
    }
}
