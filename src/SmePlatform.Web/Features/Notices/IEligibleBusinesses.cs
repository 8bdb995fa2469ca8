using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// Who is eligible for what, as the push matcher asks it. The feature that judges eligibility (Recommendations) answers;
/// the outbox only delivers what it is told, so it depends on no feature that writes to it.
/// </summary>
public interface IEligibleBusinesses
{
    /// <summary>
    /// The next <paramref name="count"/> businesses after <paramref name="afterId"/> by id, judged against
    /// <paramref name="measure"/> on <paramref name="today"/>: the last id read and those the measure makes eligible; null
    /// when no business is left.
    /// </summary>
    Task<(int LastId, List<int> Eligible)?> BatchAsync(IndexedMeasure measure, int afterId, int count, DateOnly today, CancellationToken cancellationToken = default);

    /// <summary>The open measures a business is eligible for; null when there is no such business.</summary>
    Task<IReadOnlyList<IndexedMeasure>?> EligibleMeasuresAsync(int businessId, CancellationToken cancellationToken = default);
}
