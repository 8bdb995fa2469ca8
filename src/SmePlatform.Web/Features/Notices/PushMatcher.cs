using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Catalogue;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// Push (プッシュ型): when a measure is published, every business it makes eligible hears of it; when a profile
/// changes, the business hears of every open measure it is now eligible for. Both run as outbox jobs
/// (<see cref="OutboxChannel.Match"/>), written in the same transaction as the publication or the profile change,
/// so they survive a restart. Each member of a matching business gets one notice per measure, ever: the notices'
/// unique key (person, topic) refuses a second one, whether from another job or from the same job run again after
/// a crash. Muted purposes and measures are skipped. The notices a job puts in one person's inbox share the job's id
/// and instant, and the inbox shows them as one notice listing the measures (<see cref="InboxEntry"/>).
/// </summary>
public sealed class PushMatcher(
    SmeDbContext db, IEligibleBusinesses eligibility, CatalogueIndex index, TimeProvider clock)
{
    public const string MeasurePublished = "MeasurePublished";
    /// <summary>A profile changed: the trigger of <see cref="ProfileChangedPush"/> (the business's domain event).</summary>
    public const string ProfileChanged = Data.Businesses.ProfileChanged.EventName;
    public const string NoticeTemplate = "MeasureMatched";

    /// <summary>Businesses read and judged at a time (a few queries each, by a range of ids).</summary>
    public int BatchSize { get; set; } = 10000;

    /// <summary>
    /// Notices gathered before they are committed: one large commit writes each page of the inbox's person index
    /// once, where a commit per batch rewrote most of them every time.
    /// </summary>
    public int NoticesPerCommit { get; set; } = 50000;

    /// <summary>Rows per INSERT statement: one parameter each, besides six shared.</summary>
    private const int RowsPerInsert = 200;

    public static string Topic(int measureId) => $"measure:{measureId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The job to add beside the change that triggers it.</summary>
    public static OutboxMessage Job(string trigger, int id, DateTime nowUtc) => new()
    {
        Channel = OutboxChannel.Match,
        Template = trigger,
        Arguments = id.ToString(CultureInfo.InvariantCulture),
        CreatedAtUtc = nowUtc,
        NextAttemptAtUtc = nowUtc,
    };

    /// <summary>Runs a job; the number of notices it put in inboxes.</summary>
    /// <param name="job">The match job from the outbox.</param>
    /// <param name="progress">Told the notices delivered so far after each committed batch (for the log).</param>
    /// <param name="cancellationToken">Stops between statements; what was committed stays, and a rerun adds only the rest.</param>
    public Task<int> RunAsync(OutboxMessage job, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var id = int.Parse(job.Arguments, CultureInfo.InvariantCulture);
        return job.Template switch
        {
            MeasurePublished => MeasureAsync(job.Id, id, progress, cancellationToken),
            ProfileChanged => BusinessAsync(job.Id, id, cancellationToken),
            _ => throw new InvalidOperationException($"Unknown match job {job.Template}."),
        };
    }

    /// <summary>One measure against every business, a batch at a time; the notices committed every <see cref="NoticesPerCommit"/>.</summary>
    public async Task<int> MeasureAsync(long jobId, int measureId, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await PublishedAsync(measureId, cancellationToken) is not { } measure || !measure.IsAcceptingAt(now))
        {
            return 0;
        }

        var today = JapanTime.DateOf(now);
        var topic = Topic(measureId);
        // Who was told already (a rerun after a crash finds its first batches here): read once, by the topic.
        var told = (await db.Notices.AsNoTracking().Where(n => n.Topic == topic).Select(n => n.UserId).ToListAsync(cancellationToken))
            .Select(user => (user, topic)).ToHashSet();
        var delivered = 0;
        var after = 0;
        var pending = new List<(IndexedMeasure, string)>();
        while (true)
        {
            var batch = await eligibility.BatchAsync(measure, after, BatchSize, today, cancellationToken);
            if (batch is null)
            {
                break;
            }

            var first = after;
            var (last, eligible) = batch.Value;
            after = last;
            var members = await MembersAsync(db.BusinessMembers.Where(m => m.BusinessId > first && m.BusinessId <= last), cancellationToken);
            pending.AddRange(NoticesFor([(measure, eligible)], members, told));
            if (pending.Count >= NoticesPerCommit)
            {
                delivered += await InsertAsync(jobId, now, pending, cancellationToken);
                progress?.Invoke(delivered);
            }
        }

        delivered += await InsertAsync(jobId, now, pending, cancellationToken);
        progress?.Invoke(delivered);
        return delivered;
    }

    /// <summary>
    /// The measure from the catalogue's snapshot; one published by another instance may be newer than the snapshot,
    /// which is then read again rather than the job finding nothing.
    /// </summary>
    private async Task<IndexedMeasure?> PublishedAsync(int measureId, CancellationToken cancellationToken)
    {
        if ((await index.MeasuresAsync(cancellationToken)).FirstOrDefault(m => m.Id == measureId) is { } measure)
        {
            return measure;
        }

        index.Invalidate();
        return (await index.MeasuresAsync(cancellationToken)).FirstOrDefault(m => m.Id == measureId);
    }

    /// <summary>One business against every open measure.</summary>
    public async Task<int> BusinessAsync(long jobId, int businessId, CancellationToken cancellationToken = default)
    {
        if (await eligibility.EligibleMeasuresAsync(businessId, cancellationToken) is not { } eligible)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var matches = eligible.Select(measure => (measure, new List<int> { businessId })).ToList();
        var members = await MembersAsync(db.BusinessMembers.Where(m => m.BusinessId == businessId), cancellationToken);
        var users = members[businessId].Select(m => m.UserId).ToList();
        var told = (await db.Notices.AsNoTracking().Where(n => users.Contains(n.UserId) && n.Topic != null).Select(n => new { n.UserId, n.Topic }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Topic!)).ToHashSet();
        return await InsertAsync(jobId, now, [.. NoticesFor(matches, members, told)], cancellationToken);
    }

    /// <summary>A member of a business, with what they muted (null when nothing).</summary>
    private sealed record Member(string UserId, NoticePreference? Muting);

    /// <summary>The members of the given memberships by business, each with their mutes: one query, a left join.</summary>
    private async Task<ILookup<int, Member>> MembersAsync(IQueryable<BusinessMember> memberships, CancellationToken cancellationToken) =>
        (await (from m in memberships.AsNoTracking()
                join p in db.NoticePreferences.AsNoTracking().Where(p => p.MutedPurposes != "" || p.MutedMeasures != "") on m.UserId equals p.UserId into muting
                from p in muting.DefaultIfEmpty()
                select new { m.BusinessId, m.UserId, Muting = p }).ToListAsync(cancellationToken))
        .ToLookup(m => m.BusinessId, m => new Member(m.UserId, m.Muting));

    /// <summary>Each member of the matching businesses who has no notice of the measure yet and has not muted it, with the measure.</summary>
    /// <param name="matches">Each measure with the businesses eligible for it.</param>
    /// <param name="members">The members of those businesses (at least), by business.</param>
    /// <param name="told">(person, topic) pairs already in inboxes; the ones added here join it.</param>
    private static IEnumerable<(IndexedMeasure Measure, string UserId)> NoticesFor(
        List<(IndexedMeasure Measure, List<int> Businesses)> matches, ILookup<int, Member> members, HashSet<(string User, string Topic)> told) =>
        from match in matches
        let topic = Topic(match.Measure.Id)
        from member in match.Businesses.SelectMany(b => members[b]).DistinctBy(m => m.UserId)
            // Not muted, and not told yet (Add is false for a pair already there).
        where !(member.Muting?.Mutes(match.Measure.Id, match.Measure.Purposes) ?? false) && told.Add((member.UserId, topic))
        select (match.Measure, member.UserId);

    /// <summary>
    /// The notices of a job in one transaction (one write, however many rows). Each INSERT
    /// carries many rows of one measure: the person is the only parameter per row, the measure's values are shared
    /// (SQLite looks a named parameter up by a linear search, so thousands of parameters per statement cost seconds).
    /// Rows go in key order, so consecutive rows land on the same index pages (random GUIDs would scatter every
    /// write). Empties the list; the number inserted.
    /// </summary>
    private async Task<int> InsertAsync(long jobId, DateTime nowUtc, List<(IndexedMeasure Measure, string UserId)> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return 0;
        }

        notices.Sort(static (a, b) => a.Measure.Id != b.Measure.Id ? a.Measure.Id.CompareTo(b.Measure.Id) : string.CompareOrdinal(a.UserId, b.UserId));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var commands = new Dictionary<int, DbCommand>();
        try
        {
            foreach (var measure in notices.GroupBy(n => n.Measure))
            {
                foreach (var chunk in measure.Select(n => n.UserId).Chunk(RowsPerInsert))
                {
                    if (!commands.TryGetValue(chunk.Length, out var command))
                    {
                        command = commands[chunk.Length] = InsertCommand(db.Database.GetDbConnection(), chunk.Length);
                        command.Transaction = transaction.GetDbTransaction();
                    }

                    object[] shared = [jobId, Topic(measure.Key.Id), NoticeTemplate, measure.Key.Id.ToString(CultureInfo.InvariantCulture), $"/measures/{measure.Key.Slug}", nowUtc];
                    for (var i = 0; i < shared.Length; i++)
                    {
                        command.Parameters[i].Value = shared[i];
                    }

                    for (var i = 0; i < chunk.Length; i++)
                    {
                        command.Parameters[shared.Length + i].Value = chunk[i];
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var count = notices.Count;
        notices.Clear();
        return count;
    }

    /// <summary><c>INSERT INTO Notices (...) VALUES (@job, @u0, @topic, ...), (@job, @u1, @topic, ...), ...</c>: the shared parameters first.</summary>
    private static DbCommand InsertCommand(DbConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        foreach (var name in (string[])["@job", "@topic", "@template", "@arguments", "@link", "@at"])
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            // SQL Server's DateTime parameter would round to 1/300 s; the column is datetime2.
            parameter.DbType = name == "@at" ? System.Data.DbType.DateTime2 : parameter.DbType;
            command.Parameters.Add(parameter);
        }

        var sql = new StringBuilder("INSERT INTO \"Notices\" (\"OutboxMessageId\", \"UserId\", \"Topic\", \"Template\", \"Arguments\", \"Link\", \"CreatedAtUtc\") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"@u{i}");
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@job, {user}, @topic, @template, @arguments, @link, @at)");
            var parameter = command.CreateParameter();
            parameter.ParameterName = user;
            command.Parameters.Add(parameter);
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
