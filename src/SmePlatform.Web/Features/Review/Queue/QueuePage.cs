namespace SmePlatform.Web.Features.Review.Queue;

/// <param name="Query">The filters and page.</param>
/// <param name="Items">The page's applications (one more than a page when there is a next one).</param>
/// <param name="Total">How many match, up to <see cref="ReviewQuery.CountLimit"/> + 1.</param>
/// <param name="Measures">The measures that take applications, for the filter.</param>
/// <param name="NowUtc">The instant ages are counted to.</param>
public sealed record QueuePage(ReviewQuery Query, IReadOnlyList<QueueItem> Items, int Total, IReadOnlyList<(int Id, string TitleJa, string TitleEn)> Measures, DateTime NowUtc)
{
    public bool HasNext => Items.Count > ReviewQuery.PageSize;

    public IEnumerable<QueueItem> Shown => Items.Take(ReviewQuery.PageSize);
}
