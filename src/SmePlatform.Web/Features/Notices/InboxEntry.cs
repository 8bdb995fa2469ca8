using System.Globalization;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// One entry of the inbox: a notice, or all the notices one match job put in the person's inbox at once, shown as one
/// notice listing the measures. A changed profile can match many measures at a time (a first fill matched 23): each
/// still has its own row, whose (person, topic) key is what makes it "told once, ever", but the person reads one
/// notice. A measure's publication tells each person of that one measure, so its notices stay single.
/// </summary>
/// <param name="Notices">The notices, oldest first (for a job's matches, in the order of the measures' ids).</param>
public sealed record InboxEntry(IReadOnlyList<Notice> Notices)
{
    /// <summary>Notices read for the inbox (newest first), then grouped.</summary>
    public const int RowsRead = 500;

    /// <summary>Measures listed in one entry; the rest are counted.</summary>
    public const int MeasuresListed = 30;

    public Notice Newest => Notices[^1];

    public bool Unread => Notices.Any(n => n.ReadAtUtc is null);

    public bool IsMatch => Newest.Template == PushMatcher.NoticeTemplate;

    /// <summary>The measures a match entry names, by id, in its order.</summary>
    public IEnumerable<int> MeasureIds => Notices.Where(n => n.Template == PushMatcher.NoticeTemplate)
        .Select(n => int.TryParse(n.Arguments, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
        .Where(id => id > 0);

    /// <summary>How a notice or a digest lists the measures it names: the soonest deadline first, then those without one; by id within.</summary>
    public static IEnumerable<T> SoonestDeadlineFirst<T>(IEnumerable<T> measures, Func<T, DateTime?> endUtc, Func<T, int> id) =>
        measures.OrderBy(m => endUtc(m) is null).ThenBy(m => endUtc(m)).ThenBy(id);

    /// <summary>The entries of notices read newest first, newest entry first: a job's matches (same job, same instant) together.</summary>
    public static IReadOnlyList<InboxEntry> Group(IEnumerable<Notice> newestFirst) =>
        [.. newestFirst
            .GroupBy(n => n.Template == PushMatcher.NoticeTemplate ? $"match:{n.OutboxMessageId}:{n.CreatedAtUtc.Ticks}" : $"notice:{n.Id}")
            .Select(g => new InboxEntry([.. g.OrderBy(n => n.Id)]))];
}
