using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Statistics;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>What the dashboard counts: a period of Japan-time dates (both included), and optionally one measure and one prefecture.</summary>
public sealed record StatisticsFilter(DateOnly From, DateOnly To, int? MeasureId, string? Prefecture)
{
    public DateTime FromUtc => JapanTime.ToUtc(From, TimeOnly.MinValue);

    public DateTime ToUtc => JapanTime.ToUtc(To.AddDays(1), TimeOnly.MinValue);

    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>One row of a breakdown: its key (a status, a measure id, a date, a code), the number, and whether it is suppressed.</summary>
public sealed record StatRow(string Key, Cell Value, bool Hidden)
{
    /// <summary>The count as published: null when suppressed.</summary>
    public long? Shown => Hidden ? null : Value.Count;
}

/// <summary>A breakdown with its total, suppression applied (<see cref="Suppression.Line"/>).</summary>
public sealed record StatTable(string Name, IReadOnlyList<StatRow> Rows, StatRow Total)
{
    public static StatTable Of(string name, IEnumerable<(string Key, Cell Value)> cells, Cell total, int threshold)
    {
        var list = cells.ToList();
        var hidden = Suppression.Line([.. list.Select(c => c.Value)], total, threshold);
        return new StatTable(name, [.. list.Select((c, i) => new StatRow(c.Key, c.Value, hidden[i]))], new StatRow("total", total, hidden[^1]));
    }
}

/// <summary>Submission to decision (selected or not) for one measure, in days: shown only over enough businesses.</summary>
public sealed record DecisionTime(int MeasureId, Cell Decisions, bool Hidden, decimal? MedianDays, decimal? P90Days);

/// <summary>The share of a measure's applications returned for correction at least once, in percent (one decimal).</summary>
public sealed record ReturnRate(int MeasureId, Cell Submitted, Cell Returned, bool Hidden)
{
    public decimal? Percent => Hidden || Submitted.Count == 0 ? null : Math.Round(100m * Returned.Count / Submitted.Count, 1, MidpointRounding.AwayFromZero);
}

public sealed record ApplicationStatisticsResult(
    StatisticsFilter Filter, int Threshold, StatTable ByStatus, StatTable ByMeasure, StatTable SubmissionsPerDay, StatTable DecisionsPerDay,
    StatTable BacklogByAge, IReadOnlyList<DecisionTime> DecisionTimes, IReadOnlyList<ReturnRate> ReturnRates, StatTable ByPrefecture, StatTable ByIndustry,
    StatTable BySmeClass)
{
    public IEnumerable<StatTable> Tables => [ByStatus, ByMeasure, SubmissionsPerDay, DecisionsPerDay, BacklogByAge, ByPrefecture, ByIndustry, BySmeClass];
}

/// <summary>
/// The numbers of the staff dashboard and of <c>GET /api/v1/stats/applications</c>: applications submitted in the
/// period (drafts are nobody's business but the applicant's), decisions made in it, the backlog now, and how long
/// decisions take — each count with its distinct businesses, suppressed below the threshold with complementary
/// suppression (<see cref="Suppression"/>). The reference SQL for each number is in docs/dashboard-sql/.
/// </summary>
public sealed class ApplicationStatistics(SmeDbContext db, TimeProvider clock)
{
    /// <summary>Backlog age bands, in whole days since submission: 0-7, 8-14, 15-30, 31-60, over 60.</summary>
    public static readonly IReadOnlyList<(string Key, int MaxDays)> AgeBands = [("0-7", 7), ("8-14", 14), ("15-30", 30), ("31-60", 60), ("61-", int.MaxValue)];

    public static readonly IReadOnlyList<ApplicationStatus> Undecided =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted];

    /// <summary>Every measure's title in the request's language, by id: the filter's choices and the tables' words.</summary>
    public async Task<IReadOnlyDictionary<int, string>> MeasureTitlesAsync(CancellationToken cancellationToken = default) =>
        (await db.SupportMeasures.AsNoTracking().Select(m => new { m.Id, m.TitleJa, m.TitleEn }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id, m => Infrastructure.Localization.Display.Text(m.TitleJa, m.TitleEn));

    private sealed record Row(
        int BusinessId, int MeasureId, ApplicationStatus Status, DateTime SubmittedAtUtc, DateTime? DecidedAtUtc, string? Prefecture, string? Industry, SmeClass? SizeClass,
        bool Returned);

    public async Task<ApplicationStatisticsResult> ComputeAsync(StatisticsFilter filter, int threshold, CancellationToken cancellationToken = default)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = from a in db.Applications.AsNoTracking()
                    join b in db.Businesses.AsNoTracking() on a.BusinessId equals b.Id
                    where a.SubmittedAtUtc != null
                        && (filter.MeasureId == null || a.MeasureId == filter.MeasureId)
                        && (filter.Prefecture == null || b.PrefectureCode == filter.Prefecture)
                    select new { a, b };
        var rows = await query
            .Where(x => (x.a.SubmittedAtUtc >= from && x.a.SubmittedAtUtc < to) || (x.a.DecidedAtUtc >= from && x.a.DecidedAtUtc < to) || Undecided.Contains(x.a.Status))
            .Select(x => new Row(
                x.a.BusinessId, x.a.MeasureId, x.a.Status, x.a.SubmittedAtUtc!.Value, x.a.DecidedAtUtc, x.b.PrefectureCode, x.b.IndustryMajor, x.a.SizeClass,
                x.a.Transitions.Any(t => t.To == ApplicationStatus.ReturnedForCorrection)))
            .ToListAsync(cancellationToken);

        var submitted = rows.Where(r => r.SubmittedAtUtc >= from && r.SubmittedAtUtc < to).ToList();
        var decided = rows.Where(r => r.DecidedAtUtc >= from && r.DecidedAtUtc < to && r.Status is ApplicationStatus.Selected or ApplicationStatus.NotSelected or ApplicationStatus.GrantDecided).ToList();
        var backlog = rows.Where(r => Undecided.Contains(r.Status)).ToList();
        var days = Enumerable.Range(0, filter.Days).Select(d => filter.From.AddDays(d)).ToList();

        return new ApplicationStatisticsResult(
            filter,
            threshold,
            Breakdown("status", submitted, r => r.Status.ToString(), Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft).Select(s => s.ToString()), threshold),
            Breakdown("measure", submitted, r => Key(r.MeasureId), submitted.Select(r => r.MeasureId).Distinct().Order().Select(Key), threshold),
            Breakdown("submissions-per-day", submitted, r => Key(JapanTime.DateOf(r.SubmittedAtUtc)), days.Select(Key), threshold),
            Breakdown("decisions-per-day", decided, r => Key(JapanTime.DateOf(r.DecidedAtUtc!.Value)), days.Select(Key), threshold),
            Breakdown("backlog-age", backlog, r => AgeBands.First(b => (now - r.SubmittedAtUtc).Days <= b.MaxDays).Key, AgeBands.Select(b => b.Key), threshold),
            [.. decided.GroupBy(r => r.MeasureId).OrderBy(g => g.Key).Select(g => Timing(g.Key, [.. g], threshold))],
            [.. submitted.GroupBy(r => r.MeasureId).OrderBy(g => g.Key).Select(g => Returns(g.Key, [.. g], threshold))],
            Breakdown("prefecture", submitted, r => r.Prefecture ?? "", submitted.Select(r => r.Prefecture ?? "").Distinct().Order(StringComparer.Ordinal), threshold),
            Breakdown("industry", submitted, r => r.Industry ?? "", submitted.Select(r => r.Industry ?? "").Distinct().Order(StringComparer.Ordinal), threshold),
            // The class the engine gave the business at its last submission ('' for applications submitted before it was recorded).
            Breakdown("sme-class", submitted, r => r.SizeClass?.ToString() ?? "", [.. Enum.GetNames<SmeClass>(), ""], threshold));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Cell CellOf(IReadOnlyCollection<Row> rows) => new(rows.Count, rows.Select(r => r.BusinessId).Distinct().Count());

    private static StatTable Breakdown(string name, List<Row> rows, Func<Row, string> keyOf, IEnumerable<string> keys, int threshold)
    {
        var groups = rows.GroupBy(keyOf).ToDictionary(g => g.Key, g => CellOf([.. g]));
        return StatTable.Of(name, keys.Select(k => (k, groups.GetValueOrDefault(k))), CellOf(rows), threshold);
    }

    /// <summary>Median and 90th percentile by the nearest rank: the value at position ⌈p·n⌉ of the sorted durations.</summary>
    private static DecisionTime Timing(int measureId, List<Row> rows, int threshold)
    {
        var cell = CellOf(rows);
        if (!Suppression.MayShow(cell.Businesses, threshold))
        {
            return new DecisionTime(measureId, cell, true, null, null);
        }

        var days = rows.Select(r => (decimal)(r.DecidedAtUtc!.Value - r.SubmittedAtUtc).TotalSeconds / 86_400m).Order().ToArray();
        decimal Rank(decimal p) => Math.Round(days[(int)Math.Ceiling(p * days.Length) - 1], 1, MidpointRounding.AwayFromZero);
        return new DecisionTime(measureId, cell, false, Rank(0.5m), Rank(0.9m));
    }

    /// <summary>Hidden when the measure has too few businesses, or either side (returned, never returned) is small but not empty.</summary>
    private static ReturnRate Returns(int measureId, List<Row> rows, int threshold)
    {
        var (all, returned, kept) = (CellOf(rows), CellOf([.. rows.Where(r => r.Returned)]), CellOf([.. rows.Where(r => !r.Returned)]));
        bool Small(Cell cell) => cell.Businesses > 0 && !Suppression.MayShow(cell.Businesses, threshold);
        return new ReturnRate(measureId, all, returned, !Suppression.MayShow(all.Businesses, threshold) || Small(returned) || Small(kept));
    }
}
