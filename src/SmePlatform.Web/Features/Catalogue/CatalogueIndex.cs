using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Features.Catalogue;

public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

public sealed record Facet(string Name, IReadOnlyList<FacetValue> Values);

/// <summary>One page of results with every facet, all judged at <paramref name="NowUtc"/>.</summary>
public sealed record CatalogueResult(IReadOnlyList<IndexedMeasure> Page, int Total, int PageCount, IReadOnlyDictionary<string, Facet> Facets, DateTime NowUtc);

/// <summary>
/// The published measures, held in memory for search and facets: a few thousand rows answer any filter in
/// well under a millisecond, where one GROUP BY per facet would not. Keyword matching uses the folded text
/// stored beside each measure (<see cref="SearchText"/>), so it behaves the same on every provider.
/// The snapshot is rebuilt after a change in this process (<see cref="Invalidate"/>) and at most a minute
/// after a change made by another instance.
/// </summary>
public sealed class CatalogueIndex(IServiceScopeFactory scopes, ReferenceCatalog reference, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    // One immutable reference, swapped whole: readers never see half a snapshot.
    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _loading.Dispose();

    public async Task<IReadOnlyList<IndexedMeasure>> MeasuresAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot is { } fresh && now - fresh.LoadedAtUtc < MaxAge)
        {
            return fresh.Measures;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && now - loaded.LoadedAtUtc < MaxAge)
            {
                return loaded.Measures;
            }

            var measures = await LoadAsync(cancellationToken);
            _snapshot = new Snapshot(measures, now);
            return measures;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<CatalogueResult> SearchAsync(MeasureQuery query, Func<string, string> label, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var matching = await MatchingAsync(query.Q, cancellationToken);
        var filters = Filters(query, now);

        // One pass: a measure that passes every filter is a result and counts in every facet; one that fails
        // exactly one filter counts only in that filter's facet (the results after changing that facet).
        var counter = new FacetCounter(reference.Majors.Count, reference.Prefectures.Count);
        var results = new List<IndexedMeasure>();
        foreach (var measure in matching)
        {
            string? failed = null;
            var failures = 0;
            foreach (var (facet, passes) in filters)
            {
                if (!passes(measure) && ++failures == 1)
                {
                    failed = facet;
                }
                else if (failures > 1)
                {
                    break;
                }
            }

            if (failures == 0)
            {
                results.Add(measure);
            }

            if (failures <= 1)
            {
                counter.Add(measure, failed, now);
            }
        }

        var facets = new Dictionary<string, Facet>(StringComparer.Ordinal)
        {
            ["purpose"] = new("purpose", [.. Enum.GetValues<Purpose>().Select(p => new FacetValue(p.ToString(), label($"Purpose.{p}"), counter.Purposes[(int)p], p == query.Purpose))]),
            ["kind"] = new("kind", [.. Enum.GetValues<MeasureKind>().Select(k => new FacetValue(k.ToString(), label($"Kind.{k}"), counter.Kinds[(int)k], k == query.Kind))]),
            ["industry"] = new("industry", [.. reference.Majors.Select(c => new FacetValue(c.Code, $"{c.Code} {c.Name}", counter.Industry(c.Code), c.Code == query.Industry))]),
            ["pref"] = new("pref", [.. reference.Prefectures.Select(p => new FacetValue(p.Code, p.Name, counter.Prefecture(p.Code), p.Code == query.Pref))]),
            ["employees"] = new("employees", [.. Enum.GetValues<EmployeeBracket>().Select(b => new FacetValue(b.ToString(), label($"Employees.{b}"), counter.Employees[(int)b], b == query.Employees))]),
            ["open"] = new("open", [new FacetValue("true", label("Catalogue.OpenNow"), counter.Open, query.Open)]),
            ["closing"] = new("closing", [.. MeasureQuery.ClosingWithinChoices.Select((d, i) => new FacetValue(Invariant(d), string.Format(CultureInfo.InvariantCulture, label("Catalogue.ClosingWithin"), d), counter.Closing[i], d == query.Closing))]),
            ["amount"] = new("amount", [.. Enum.GetValues<AmountRange>().Select(r => new FacetValue(r.ToString(), label($"Amount.{r}"), counter.Amounts[(int)r], r == query.Amount))]),
        };

        var sorted = Sort(results, query.Sort, now).ToList();
        var pageCount = Math.Max(1, (sorted.Count + MeasureQuery.PageSize - 1) / MeasureQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return new CatalogueResult([.. sorted.Skip((page - 1) * MeasureQuery.PageSize).Take(MeasureQuery.PageSize)], sorted.Count, pageCount, facets, now);
    }

    /// <summary>
    /// The published measures matching the keywords and every filter of <paramref name="query"/> (its sort and
    /// page aside) and <paramref name="also"/>, in no particular order, judged at <paramref name="nowUtc"/>.
    /// </summary>
    public async Task<List<IndexedMeasure>> FindAsync(MeasureQuery query, DateTime nowUtc, Func<IndexedMeasure, bool>? also = null, CancellationToken cancellationToken = default)
    {
        var filters = Filters(query, nowUtc).Values.ToList();
        if (also is not null)
        {
            filters.Add(also);
        }

        return [.. (await MatchingAsync(query.Q, cancellationToken)).Where(m => filters.TrueForAll(passes => passes(m)))];
    }

    /// <summary>Open measures sharing a purpose with this one, soonest deadline first.</summary>
    public async Task<IReadOnlyList<IndexedMeasure>> RelatedAsync(int measureId, IReadOnlyCollection<Purpose> purposes, int count, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var related = (await MeasuresAsync(cancellationToken))
            .Where(m => m.Id != measureId && m.IsAcceptingAt(now) && m.Purposes.Any(purposes.Contains));
        return [.. Sort(related, MeasureSort.Deadline, now).Take(count)];
    }

    /// <summary>
    /// Counts for every facet value in one pass. Measures for all industries or all prefectures are counted once
    /// and added to every value at the end, instead of once per value.
    /// </summary>
    private sealed class FacetCounter(int majorCount, int prefectureCount)
    {
        private readonly Dictionary<string, int> _industries = new(majorCount, StringComparer.Ordinal);
        private readonly Dictionary<string, int> _prefectures = new(prefectureCount, StringComparer.Ordinal);
        private int _allIndustries;
        private int _nationwide;

        public int[] Purposes { get; } = new int[Enum.GetValues<Purpose>().Length];
        public int[] Kinds { get; } = new int[Enum.GetValues<MeasureKind>().Length];
        public int[] Employees { get; } = new int[Enum.GetValues<EmployeeBracket>().Length];
        public int[] Amounts { get; } = new int[Enum.GetValues<AmountRange>().Length];
        public int[] Closing { get; } = new int[MeasureQuery.ClosingWithinChoices.Length];
        public int Open { get; private set; }

        public int Industry(string major) => _allIndustries + _industries.GetValueOrDefault(major);

        public int Prefecture(string code) => _nationwide + _prefectures.GetValueOrDefault(code);

        /// <summary>Counts <paramref name="m"/> in every facet, or only in <paramref name="onlyFacet"/> when it is set.</summary>
        public void Add(IndexedMeasure m, string? onlyFacet, DateTime now)
        {
            bool In(string facet) => onlyFacet is null || onlyFacet == facet;

            if (In("purpose"))
            {
                foreach (var purpose in m.Purposes)
                {
                    Purposes[(int)purpose]++;
                }
            }

            if (In("kind"))
            {
                Kinds[(int)m.Kind]++;
            }

            if (In("industry"))
            {
                Count(m.IndustryMajors, _industries, ref _allIndustries);
            }

            if (In("pref"))
            {
                Count(m.Prefectures, _prefectures, ref _nationwide);
            }

            if (In("employees"))
            {
                Employees[(int)m.Employees]++;
            }

            if (In("open") && m.IsAcceptingAt(now))
            {
                Open++;
            }

            if (In("closing"))
            {
                for (var i = 0; i < MeasureQuery.ClosingWithinChoices.Length; i++)
                {
                    if (ClosesWithin(m, MeasureQuery.ClosingWithinChoices[i], now))
                    {
                        Closing[i]++;
                    }
                }
            }

            if (In("amount"))
            {
                foreach (var range in Enum.GetValues<AmountRange>())
                {
                    if (InRange(m, range))
                    {
                        Amounts[(int)range]++;
                    }
                }
            }
        }

        private static void Count(IReadOnlyList<string> codes, Dictionary<string, int> counts, ref int all)
        {
            if (codes.Count == 0)
            {
                all++;
                return;
            }

            foreach (var code in codes)
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }
    }

    private async Task<IEnumerable<IndexedMeasure>> MatchingAsync(string? text, CancellationToken cancellationToken)
    {
        var keywords = SearchText.Keywords(text);
        return (await MeasuresAsync(cancellationToken)).Where(m => SearchText.Matches(m.SearchText, keywords));
    }

    /// <summary>Each active filter of the query, by facet name.</summary>
    private static Dictionary<string, Func<IndexedMeasure, bool>> Filters(MeasureQuery query, DateTime now)
    {
        var filters = new Dictionary<string, Func<IndexedMeasure, bool>>(StringComparer.Ordinal);
        if (query.Purpose is { } purpose) filters["purpose"] = m => HasPurpose(m, purpose);
        if (query.Kind is { } kind) filters["kind"] = m => m.Kind == kind;
        if (query.Industry is { } industry) filters["industry"] = m => ForIndustry(m, industry);
        if (query.Pref is { } pref) filters["pref"] = m => ForPrefecture(m, pref);
        if (query.Employees is { } employees) filters["employees"] = m => m.Employees == employees;
        if (query.Open) filters["open"] = m => m.IsAcceptingAt(now);
        if (query.Closing is { } days) filters["closing"] = m => ClosesWithin(m, days, now);
        if (query.Amount is { } amount) filters["amount"] = m => InRange(m, amount);
        return filters;
    }

    private sealed record Snapshot(IReadOnlyList<IndexedMeasure> Measures, DateTime LoadedAtUtc);

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static bool HasPurpose(IndexedMeasure m, Purpose purpose) => m.Purposes.Contains(purpose);

    // A measure without industries or prefectures is for all of them.
    private static bool ForIndustry(IndexedMeasure m, string major) => m.IndustryMajors.Count == 0 || m.IndustryMajors.Contains(major);

    private static bool ForPrefecture(IndexedMeasure m, string code) => m.Prefectures.Count == 0 || m.Prefectures.Contains(code);

    private static bool ClosesWithin(IndexedMeasure m, int days, DateTime now) =>
        m.EndUtc is { } end && Acceptance.At(m.StartUtc, end, now) == AcceptanceState.Open && JapanTime.DaysLeft(end, now) <= days;

    private static bool InRange(IndexedMeasure m, AmountRange range)
    {
        var (min, max) = MeasureQuery.Bounds(range);
        return m.MaxAmountYen is { } amount && (min is null || amount >= min) && (max is null || amount <= max);
    }

    private static IEnumerable<IndexedMeasure> Sort(IEnumerable<IndexedMeasure> measures, MeasureSort sort, DateTime now) => sort switch
    {
        MeasureSort.Newest => measures.OrderByDescending(m => m.PublishedAtUtc).ThenBy(m => m.Id),
        MeasureSort.Amount => measures.OrderBy(m => m.MaxAmountYen is null).ThenByDescending(m => m.MaxAmountYen).ThenBy(m => m.Id),
        // Open first, soonest deadline first; then standing measures, then upcoming by opening, then closed, latest first.
        _ => measures
            .OrderBy(m => Acceptance.At(m.StartUtc, m.EndUtc, now) switch
            {
                AcceptanceState.Open => 0,
                AcceptanceState.Always => 1,
                AcceptanceState.Upcoming => 2,
                _ => 3,
            })
            .ThenBy(m => Acceptance.At(m.StartUtc, m.EndUtc, now) switch
            {
                AcceptanceState.Open => m.EndUtc?.Ticks ?? long.MaxValue,
                AcceptanceState.Upcoming => m.StartUtc!.Value.Ticks,
                AcceptanceState.Closed => -m.EndUtc!.Value.Ticks,
                _ => 0,
            })
            .ThenBy(m => m.Id),
    };

    private async Task<IReadOnlyList<IndexedMeasure>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        var rows = await db.SupportMeasures.AsNoTracking().AsSplitQuery()
            .Where(m => m.Status == MeasureStatus.Published)
            .ToListAsync(cancellationToken);
        var online = (await db.ApplicationForms.Select(f => f.MeasureId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        return [.. rows.Select(m => new IndexedMeasure(
            m.Id, m.Slug, m.TitleJa, m.TitleEn, m.SummaryJa, m.SummaryEn, m.AgencyJa, m.AgencyEn, m.Kind,
            [.. m.Purposes.Select(p => p.Purpose)],
            [.. m.Eligibility.Industries.Select(i => i.JsicCode)],
            [.. m.Eligibility.Industries.Select(i => reference.MajorOf(i.JsicCode)).OfType<string>().Distinct()],
            [.. m.Eligibility.Regions.Select(r => r.PrefectureCode)],
            EmployeeBrackets.ForLimit(m.Eligibility.MaxEmployees), m.MinAmountYen, m.MaxAmountYen, m.Terms, m.TermsNeedReview, m.RateTextJa, m.RateTextEn,
            m.AcceptanceStartUtc, m.AcceptanceEndUtc, m.CreatedAtUtc, m.PublishedAtUtc ?? m.CreatedAtUtc, m.SearchText, m.IsDemo,
            m.Rules, online.Contains(m.Id), m.OfficialUrl))];
    }
}
