using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Integrity;
using SmePlatform.Domain.Statistics;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

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
    StatTable BySmeClass, StatTable Flags)
{
    public IEnumerable<StatTable> Tables => [ByStatus, ByMeasure, SubmissionsPerDay, DecisionsPerDay, BacklogByAge, ByPrefecture, ByIndustry, BySmeClass, Flags];
}

/// <summary>
/// The numbers of the staff dashboard and of <c>GET /api/v1/stats/applications</c>: applications submitted in the
/// period (drafts are nobody's business but the applicant's), decisions made in it, the backlog now, and how long
/// decisions take — each count with its businesses, suppressed below the threshold with complementary suppression
/// (<see cref="Suppression"/>). Computed in one pass over <see cref="ApplicationFacts"/>, brought up to date first.
/// The reference SQL for each number is in docs/dashboard-sql/.
/// </summary>
public sealed class ApplicationStatistics(SmeDbContext db, ApplicationFacts facts, TimeProvider clock)
{
    /// <summary>Backlog age bands, in whole days since submission: 0-7, 8-14, 15-30, 31-60, over 60.</summary>
    public static readonly IReadOnlyList<(string Key, int MaxDays)> AgeBands = [("0-7", 7), ("8-14", 14), ("15-30", 30), ("31-60", 60), ("61-", int.MaxValue)];

    public static readonly IReadOnlyList<ApplicationStatus> Undecided =
        [ApplicationStatus.Submitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted];

    /// <summary>Every measure's title in the request's language, by id: the filter's choices and the tables' words.</summary>
    public async Task<IReadOnlyDictionary<int, string>> MeasureTitlesAsync(CancellationToken cancellationToken = default) =>
        (await db.SupportMeasures.AsNoTracking().Select(m => new { m.Id, m.TitleJa, m.TitleEn }).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id, m => Infrastructure.Localization.Display.Text(m.TitleJa, m.TitleEn));

    public async Task<ApplicationStatisticsResult> ComputeAsync(StatisticsFilter filter, int threshold, CancellationToken cancellationToken = default)
    {
        await facts.CatchUpAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var tallies = facts.Read(all => Tallies.Of(all, filter, now.Ticks, threshold));
        var days = Enumerable.Range(0, filter.Days).Select(d => filter.From.AddDays(d)).ToList();
        var statuses = Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Draft);
        return new ApplicationStatisticsResult(
            filter,
            threshold,
            Table("status", statuses.Select(s => (s.ToString(), tallies.ByStatus[(int)s])), tallies.Submitted, threshold),
            Table("measure", tallies.ByMeasure.OrderBy(m => m.Key).Select(m => (Key(m.Key), (Tally?)m.Value)), tallies.Submitted, threshold),
            Table("submissions-per-day", days.Select((d, i) => (Key(d), tallies.SubmittedOn[i])), tallies.Submitted, threshold),
            Table("decisions-per-day", days.Select((d, i) => (Key(d), tallies.DecidedOn[i])), tallies.Decided, threshold),
            Table("backlog-age", AgeBands.Select((b, i) => (b.Key, tallies.Backlog[i])), tallies.BacklogTotal, threshold),
            [.. tallies.Durations.OrderBy(m => m.Key).Select(m => Timing(m.Key, tallies.DecidedByMeasure[m.Key], m.Value, threshold))],
            [.. tallies.ByMeasure.OrderBy(m => m.Key).Select(m => Returns(m.Key, m.Value, tallies.Returned.GetValueOrDefault(m.Key), tallies.Kept.GetValueOrDefault(m.Key), threshold))],
            Table("prefecture", tallies.ByPrefecture.OrderBy(p => p.Key).Select(p => (p.Key == 0 ? "" : p.Key.ToString("D2", CultureInfo.InvariantCulture), (Tally?)p.Value)), tallies.Submitted, threshold),
            Table("industry", tallies.ByIndustry.OrderBy(p => p.Key).Select(p => (p.Key == '\0' ? "" : p.Key.ToString(), (Tally?)p.Value)), tallies.Submitted, threshold),
            // The class the engine gave the business at its last submission ('' for applications submitted before it was recorded).
            Table("sme-class", Enum.GetValues<SmeClass>().Select(c => (c.ToString(), tallies.BySmeClass[(int)c])).Append(("", tallies.BySmeClass[^1])), tallies.Submitted, threshold),
            await FlagsAsync(filter, threshold, cancellationToken));
    }

    /// <summary>
    /// Integrity flags raised in the period and standing (open or confirmed: not dismissed, not cleared), per measure
    /// and rule (key <c>measureId:Rule</c>); few, so read from the database each time.
    /// </summary>
    private async Task<StatTable> FlagsAsync(StatisticsFilter filter, int threshold, CancellationToken cancellationToken)
    {
        var (first, end) = (filter.FromUtc, filter.ToUtc);
        var flags = await (
            from f in db.IntegrityFlags.AsNoTracking()
            join a in db.Applications.AsNoTracking() on f.ApplicationId equals a.Id
            where (f.State == FlagState.Open || f.State == FlagState.Confirmed) && f.RaisedAtUtc >= first && f.RaisedAtUtc < end
                && (filter.MeasureId == null || a.MeasureId == filter.MeasureId) && (filter.Prefecture == null || a.PrefectureCode == filter.Prefecture)
            select new { a.MeasureId, f.Rule, a.BusinessId })
            .ToListAsync(cancellationToken);
        var total = new Tally(threshold);
        var cells = new SortedDictionary<(int, IntegrityRule), Tally>();
        foreach (var flag in flags)
        {
            total.Add(flag.BusinessId);
            Tally.In(cells, (flag.MeasureId, flag.Rule), threshold).Add(flag.BusinessId);
        }

        return Table("flags", cells.Select(c => ($"{Key(c.Key.Item1)}:{c.Key.Item2}", (Tally?)c.Value)), total, threshold);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static StatTable Table(string name, IEnumerable<(string Key, Tally? Value)> cells, Tally total, int threshold) =>
        StatTable.Of(name, cells.Select(c => (c.Key, c.Value?.Cell ?? Cell.Zero)), total.Cell, threshold);

    /// <summary>Median and 90th percentile by the nearest rank: the value at position ⌈p·n⌉ of the sorted durations.</summary>
    private static DecisionTime Timing(int measureId, Tally decisions, List<long> durationTicks, int threshold)
    {
        var cell = decisions.Cell;
        if (!Suppression.MayShow(cell.Businesses, threshold))
        {
            return new DecisionTime(measureId, cell, true, null, null);
        }

        durationTicks.Sort();
        decimal Rank(decimal p) =>
            Math.Round(durationTicks[(int)Math.Ceiling(p * durationTicks.Count) - 1] / (decimal)TimeSpan.TicksPerDay, 1, MidpointRounding.AwayFromZero);
        return new DecisionTime(measureId, cell, false, Rank(0.5m), Rank(0.9m));
    }

    /// <summary>Hidden when the measure has too few businesses, or either side (returned, never returned) is small but not empty.</summary>
    private static ReturnRate Returns(int measureId, Tally all, Tally? returned, Tally? kept, int threshold)
    {
        var (returnedCell, keptCell) = (returned?.Cell ?? Cell.Zero, kept?.Cell ?? Cell.Zero);
        bool Small(Cell cell) => cell.Businesses > 0 && !Suppression.MayShow(cell.Businesses, threshold);
        return new ReturnRate(measureId, all.Cell, returnedCell, !Suppression.MayShow(all.Cell.Businesses, threshold) || Small(returnedCell) || Small(keptCell));
    }

    /// <summary>
    /// A count and the distinct businesses behind it, counted only up to the threshold: all suppression asks is
    /// whether there are enough, and remembering at most that many businesses keeps a pass over a million rows cheap.
    /// </summary>
    private sealed class Tally(int threshold)
    {
        private readonly int[] _businesses = new int[threshold];
        private int _distinct;
        private long _count;

        /// <summary>The tally of <paramref name="key"/> in <paramref name="tallies"/>, added empty the first time.</summary>
        public static Tally In<TKey>(IDictionary<TKey, Tally> tallies, TKey key, int threshold)
            where TKey : notnull
        {
            if (!tallies.TryGetValue(key, out var tally))
            {
                tallies[key] = tally = new Tally(threshold);
            }

            return tally;
        }

        public Cell Cell => new(_count, _distinct);

        public void Add(int businessId)
        {
            _count++;
            if (_distinct < _businesses.Length && Array.IndexOf(_businesses, businessId, 0, _distinct) < 0)
            {
                _businesses[_distinct++] = businessId;
            }
        }
    }

    /// <summary>Every tally of the dashboard, filled in one pass over the facts.</summary>
    private sealed class Tallies
    {
        private Tallies(int days, int threshold)
        {
            Threshold = threshold;
            (Submitted, Decided, BacklogTotal) = (new(threshold), new(threshold), new(threshold));
            SubmittedOn = new Tally?[days];
            DecidedOn = new Tally?[days];
        }

        private int Threshold { get; }

        public Tally Submitted { get; }

        public Tally Decided { get; }

        public Tally BacklogTotal { get; }

        public Tally?[] ByStatus { get; } = new Tally?[Enum.GetValues<ApplicationStatus>().Max(s => (int)s) + 1];

        public Dictionary<int, Tally> ByMeasure { get; } = [];

        public Tally?[] SubmittedOn { get; }

        public Tally?[] DecidedOn { get; }

        public Tally?[] Backlog { get; } = new Tally?[AgeBands.Count];

        public Dictionary<int, Tally> ByPrefecture { get; } = [];

        public Dictionary<char, Tally> ByIndustry { get; } = [];

        /// <summary>By class, with the last for applications without one.</summary>
        public Tally?[] BySmeClass { get; } = new Tally?[Enum.GetValues<SmeClass>().Max(c => (int)c) + 2];

        public Dictionary<int, Tally> DecidedByMeasure { get; } = [];

        public Dictionary<int, List<long>> Durations { get; } = [];

        public Dictionary<int, Tally> Returned { get; } = [];

        public Dictionary<int, Tally> Kept { get; } = [];

        public static Tallies Of(ReadOnlySpan<ApplicationFact> facts, StatisticsFilter filter, long nowTicks, int threshold)
        {
            var tallies = new Tallies(filter.Days, threshold);
            var (from, to, firstDay) = (filter.FromUtc.Ticks, filter.ToUtc.Ticks, filter.From.DayNumber);
            var prefecture = filter.Prefecture is null ? (byte?)null : byte.Parse(filter.Prefecture, CultureInfo.InvariantCulture);
            foreach (ref readonly var fact in facts)
            {
                if ((filter.MeasureId is { } measure && fact.MeasureId != measure) || (prefecture is { } code && fact.Prefecture != code))
                {
                    continue;
                }

                var business = fact.BusinessId;
                if (fact.SubmittedTicks >= from && fact.SubmittedTicks < to)
                {
                    tallies.Submitted.Add(business);
                    tallies.Of(tallies.ByStatus, (int)fact.Status).Add(business);
                    tallies.Of(tallies.ByMeasure, fact.MeasureId).Add(business);
                    tallies.Of(tallies.SubmittedOn, fact.SubmittedDay - firstDay).Add(business);
                    tallies.Of(tallies.ByPrefecture, fact.Prefecture).Add(business);
                    tallies.Of(tallies.ByIndustry, fact.Industry).Add(business);
                    tallies.Of(tallies.BySmeClass, fact.SizeClass is { } size ? (int)size : tallies.BySmeClass.Length - 1).Add(business);
                    tallies.Of(fact.Returned ? tallies.Returned : tallies.Kept, fact.MeasureId).Add(business);
                }

                // Selected or not: the decision instant stays through the grant, the report and the payment.
                if (fact.Decided && fact.DecidedTicks >= from && fact.DecidedTicks < to)
                {
                    tallies.Decided.Add(business);
                    tallies.Of(tallies.DecidedOn, fact.DecidedDay - firstDay).Add(business);
                    tallies.Of(tallies.DecidedByMeasure, fact.MeasureId).Add(business);
                    if (!tallies.Durations.TryGetValue(fact.MeasureId, out var durations))
                    {
                        tallies.Durations[fact.MeasureId] = durations = [];
                    }

                    durations.Add(fact.DecidedTicks - fact.SubmittedTicks);
                }

                if (fact.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview or ApplicationStatus.ReturnedForCorrection or ApplicationStatus.Resubmitted)
                {
                    var age = (nowTicks - fact.SubmittedTicks) / TimeSpan.TicksPerDay;
                    tallies.BacklogTotal.Add(business);
                    tallies.Of(tallies.Backlog, AgeBand(age)).Add(business);
                }
            }

            return tallies;
        }

        private static int AgeBand(long days)
        {
            var band = 0;
            while (days > AgeBands[band].MaxDays)
            {
                band++;
            }

            return band;
        }

        private Tally Of(Tally?[] tallies, int index) => tallies[index] ??= new Tally(Threshold);

        private Tally Of<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
            where TKey : notnull => Tally.In(tallies, key, Threshold);
    }
}
