using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// Push (プッシュ型): when a measure is published, every business it makes eligible hears of it; when a profile
/// changes, the business hears of every open measure it is now eligible for. Both run as outbox jobs
/// (<see cref="OutboxChannel.Match"/>), written in the same transaction as the publication or the profile change,
/// so they survive a restart. Each member of a matching business gets one notice per measure, ever: the notices'
/// unique key (person, topic) refuses a second one, whether from another job or from the same job run again after
/// a crash. Muted purposes and measures are skipped.
/// </summary>
public sealed class PushMatcher(
    SmeDbContext db, ApplicantFactsReader facts, EligibilityEngine engine, Recommendations.Recommendations recommendations, CatalogueIndex index, WriteGate gate, TimeProvider clock)
{
    public const string MeasurePublished = "MeasurePublished";
    public const string ProfileChanged = "ProfileChanged";
    public const string NoticeTemplate = "MeasureMatched";

    /// <summary>Businesses read and judged at a time (a few queries each); each batch's notices are committed before the next.</summary>
    public int BatchSize { get; set; } = 10000;

    /// <summary>Rows per INSERT statement: 7 parameters each stays under SQL Server's 2,100.</summary>
    private const int RowsPerInsert = 250;

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

    /// <summary>One measure against every business, a batch at a time (each batch's notices saved before the next).</summary>
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
        while (true)
        {
            var batch = await facts.BatchAsync(after, BatchSize, measureId, cancellationToken);
            if (batch.Count == 0)
            {
                return delivered;
            }

            var (first, last) = (after, batch.Keys.Max());
            after = last;
            var eligible = batch.Where(b => engine.Judge(b.Value, measure.Rules, today, measureId).Verdict == Verdict.Eligible).Select(b => b.Key).ToList();
            var members = (await db.BusinessMembers.AsNoTracking().Where(m => m.BusinessId > first && m.BusinessId <= last)
                    .Select(m => new { m.BusinessId, m.UserId }).ToListAsync(cancellationToken))
                .ToLookup(m => m.BusinessId, m => m.UserId);
            delivered += await DeliverAsync(jobId, [(measure, eligible)], members, told, now, cancellationToken);
            progress?.Invoke(delivered);
        }
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
        if (await facts.ForBusinessAsync(businessId, cancellationToken) is not { } known)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var matches = (await recommendations.ForAsync(known, cancellationToken))
            .Where(r => r.Verdict == Verdict.Eligible)
            .Select(r => (r.Measure, new List<int> { businessId }))
            .ToList();
        var members = (await db.BusinessMembers.AsNoTracking().Where(m => m.BusinessId == businessId).Select(m => m.UserId).ToListAsync(cancellationToken))
            .ToLookup(_ => businessId);
        var users = members[businessId].ToList();
        var told = (await db.Notices.AsNoTracking().Where(n => users.Contains(n.UserId) && n.Topic != null).Select(n => new { n.UserId, n.Topic }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.Topic!)).ToHashSet();
        return await DeliverAsync(jobId, matches, members, told, now, cancellationToken);
    }

    /// <summary>Puts a notice in the inbox of each member of the matching businesses who has none of the measure yet and has not muted it.</summary>
    /// <param name="jobId">The match job.</param>
    /// <param name="matches">Each measure with the businesses eligible for it.</param>
    /// <param name="members">The members of those businesses (at least), by business.</param>
    /// <param name="told">(person, topic) pairs already in inboxes; the ones added here join it.</param>
    /// <param name="nowUtc">The notices' instant.</param>
    /// <param name="cancellationToken">Stops before the insert.</param>
    private async Task<int> DeliverAsync(
        long jobId, List<(IndexedMeasure Measure, List<int> Businesses)> matches, ILookup<int, string> members, HashSet<(string User, string Topic)> told,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        var userIds = matches.SelectMany(m => m.Businesses).Distinct().SelectMany(b => members[b]).Distinct().ToList();
        if (userIds.Count == 0)
        {
            return 0;
        }

        var preferences = await db.NoticePreferences.AsNoTracking()
            .Where(p => userIds.Contains(p.UserId) && (p.MutedPurposes != "" || p.MutedMeasures != ""))
            .ToDictionaryAsync(p => p.UserId, cancellationToken);

        var notices = new List<Notice>();
        foreach (var (measure, businesses) in matches)
        {
            var topic = Topic(measure.Id);
            notices.AddRange(businesses.SelectMany(b => members[b]).Distinct()
                // Not muted, and not told yet (Add is false for a pair already there).
                .Where(user => !(preferences.TryGetValue(user, out var preference) && preference.Mutes(measure.Id, measure.Purposes)) && told.Add((user, topic)))
                .Select(user => new Notice
                {
                    OutboxMessageId = jobId,
                    UserId = user,
                    Topic = topic,
                    Template = NoticeTemplate,
                    Arguments = measure.Id.ToString(CultureInfo.InvariantCulture),
                    Link = $"/measures/{measure.Slug}",
                    CreatedAtUtc = nowUtc,
                }));
        }

        // In key order: consecutive rows land on the same index pages (random GUIDs would scatter every write).
        notices.Sort(static (a, b) => string.CompareOrdinal(a.UserId, b.UserId));
        await InsertAsync(notices, cancellationToken);
        return notices.Count;
    }

    /// <summary>
    /// Many notices in one transaction, in multi-row INSERTs of one prepared command whose parameters are refilled for
    /// each chunk (tens of thousands of tracked entities, or of raw-SQL statements built each time, would cost
    /// seconds). Waits its turn at the write gate like every hot write.
    /// </summary>
    private async Task InsertAsync(List<Notice> notices, CancellationToken cancellationToken)
    {
        if (notices.Count == 0)
        {
            return;
        }

        using var turn = await gate.EnterAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        DbCommand? command = null;
        try
        {
            foreach (var chunk in notices.Chunk(RowsPerInsert))
            {
                if (command is null || command.Parameters.Count != chunk.Length * Columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = InsertCommand(connection, chunk.Length);
                    command.Transaction = transaction.GetDbTransaction();
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    var n = chunk[i];
                    object[] values = [n.OutboxMessageId, n.UserId, n.Topic!, n.Template, n.Arguments, n.Link, n.CreatedAtUtc];
                    for (var c = 0; c < values.Length; c++)
                    {
                        command.Parameters[(i * Columns.Length) + c].Value = values[c];
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static readonly string[] Columns = ["OutboxMessageId", "UserId", "Topic", "Template", "Arguments", "Link", "CreatedAtUtc"];

    private static DbCommand InsertCommand(DbConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO \"Notices\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{(i * Columns.Length) + c}");
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                if (Columns[c] == "CreatedAtUtc")
                {
                    // SQL Server's DateTime parameter would round to 1/300 s; the column is datetime2.
                    parameter.DbType = System.Data.DbType.DateTime2;
                }

                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
