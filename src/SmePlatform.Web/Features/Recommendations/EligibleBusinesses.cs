using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// The push matcher's questions (<see cref="IEligibleBusinesses"/>) answered here, where eligibility is judged: the
/// applicant facts of a batch of businesses read at once (only the measure's own applications), each judged by the
/// engine; a business's eligible measures are its recommendations with an eligible verdict.
/// </summary>
public sealed class EligibleBusinesses(ApplicantFactsReader facts, EligibilityEngine engine, Recommendations recommendations) : IEligibleBusinesses
{
    public async Task<(int LastId, List<int> Eligible)?> BatchAsync(
        IndexedMeasure measure, int afterId, int count, DateOnly today, CancellationToken cancellationToken = default)
    {
        var batch = await facts.BatchAsync(afterId, count, measure.Id, cancellationToken);
        if (batch.Count == 0)
        {
            return null;
        }

        var eligible = batch.Where(b => engine.Judge(b.Value, measure.Rules, today, measure.Id).Verdict == Verdict.Eligible).Select(b => b.Key).ToList();
        return (batch.Keys.Max(), eligible);
    }

    public async Task<IReadOnlyList<IndexedMeasure>?> EligibleMeasuresAsync(int businessId, CancellationToken cancellationToken = default) =>
        await facts.ForBusinessAsync(businessId, cancellationToken) is { } known
            ? [.. (await recommendations.ForAsync(known, cancellationToken)).Where(r => r.Verdict == Verdict.Eligible).Select(r => r.Measure)]
            : null;
}
