using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Notices;

namespace SmePlatform.UnitTests.Notices;

public class InboxEntryTests
{
    private static readonly DateTime At = new(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc);

    private static Notice Match(long id, long job, DateTime at, int measureId) =>
        new() { Id = id, OutboxMessageId = job, CreatedAtUtc = at, Template = PushMatcher.NoticeTemplate, Topic = PushMatcher.Topic(measureId), Arguments = $"{measureId}" };

    private static Notice Other(long id, long outboxId) =>
        new() { Id = id, OutboxMessageId = outboxId, CreatedAtUtc = At, Template = "StatusChanged", Arguments = "MONO-1\tApplicationStatus.Submitted" };

    /// <summary>
    /// The notices one match job put in an inbox at one instant are one entry, listing its measures; a publication's
    /// single match, a match of another job or instant, and every other notice are entries of their own. Newest first.
    /// </summary>
    [Fact]
    public void Group_PutsAJobsMatchesTogether_AndEveryOtherNoticeApart()
    {
        Notice[] newestFirst =
        [
            Other(9, outboxId: 40),
            Match(8, job: 30, At, measureId: 12),
            Match(7, job: 30, At, measureId: 11),
            Match(6, job: 30, At, measureId: 10),
            Match(5, job: 20, At.AddMinutes(-5), measureId: 9),
            Match(4, job: 0, At.AddDays(-1), measureId: 8),
            Match(3, job: 0, At.AddDays(-2), measureId: 7),
            Other(2, outboxId: 10),
        ];

        var entries = InboxEntry.Group(newestFirst);

        Assert.Equal([[9], [6, 7, 8], [5], [4], [3], [2]], entries.Select(e => e.Notices.Select(n => n.Id).ToArray()));
        Assert.Equal([10, 11, 12], entries[1].MeasureIds);
        Assert.Equal([false, true, true, true, true, false], entries.Select(e => e.IsMatch));
        Assert.Empty(entries[0].MeasureIds);
    }

    [Fact]
    public void AnEntry_IsUnread_WhileAnyOfItsNoticesIs()
    {
        var read = Match(1, 5, At, 1);
        read.ReadAtUtc = At;

        Assert.True(new InboxEntry([read, Match(2, 5, At, 2)]).Unread);
        Assert.False(new InboxEntry([read]).Unread);
    }

    [Fact]
    public void Measures_AreListedSoonestDeadlineFirst_ThenThoseWithoutOne()
    {
        (int Id, DateTime? End)[] measures = [(1, null), (2, At.AddDays(9)), (3, At.AddDays(2)), (4, null), (5, At.AddDays(2))];

        Assert.Equal([3, 5, 2, 1, 4], InboxEntry.SoonestDeadlineFirst(measures, m => m.End, m => m.Id).Select(m => m.Id));
    }
}
