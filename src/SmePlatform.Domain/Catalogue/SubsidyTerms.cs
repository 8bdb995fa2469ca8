using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;

namespace SmePlatform.Domain.Catalogue;

/// <summary>Which businesses a row of terms is for, by their size class on the application date.</summary>
public enum SizeCondition
{
    Any,
    SmallScale,

    /// <summary>SMEs that are not small-scale (中小企業（小規模事業者を除く）).</summary>
    NotSmallScale,
}

/// <summary>What the rate is taken of: the eligible cost excluding consumption tax (the usual rule) or including it.</summary>
public enum CostBasis
{
    ExcludingTax,
    IncludingTax,
}

/// <summary>A track (枠) of a measure, which the applicant chooses: 「製品・サービス高付加価値化枠」.</summary>
public sealed record TermsTrack(string Key, string NameJa, string NameEn);

/// <summary>
/// A top-up (特例) the applicant may choose and must then keep: 「大幅賃上げ特例」 with the commitment it carries
/// (「給与支給総額を年平均6%以上増加させる」). <see cref="Excludes"/> names the top-ups it cannot be combined with.
/// </summary>
public sealed record TermsTopUp(string Key, string NameJa, string NameEn, string CommitmentJa, string CommitmentEn)
{
    public IReadOnlyList<string> Excludes { get; init; } = [];

    [JsonIgnore] public Bilingual Name => new(NameJa, NameEn);
}

/// <summary>
/// One row of a measure's terms: conditions (track, size class, employee bracket, top-up, amount band) and what
/// they give. A base row (no <see cref="TopUp"/>) gives the rate, the maximum and the minimum. A band row gives the
/// rate for the part of the subsidy from <see cref="BandFromYen"/> up to its <see cref="MaxYen"/>
/// (「補助額のうち50万円以下の部分は3/4、50万円超の部分は2/3」). A top-up row, when the applicant chose its top-up,
/// raises the maximum by <see cref="RaiseMaxYen"/> and/or lifts the rate to its <see cref="Rate"/>.
/// A null rate pays the whole eligible cost up to the maximum (定額).
/// </summary>
public sealed record TermsRow
{
    public string? Track { get; init; }
    public SizeCondition Size { get; init; }
    public int? MinEmployees { get; init; }
    public int? MaxEmployees { get; init; }
    public string? TopUp { get; init; }
    public long BandFromYen { get; init; }
    public SubsidyRate? Rate { get; init; }
    public long? MaxYen { get; init; }
    public long? MinYen { get; init; }
    public long? RaiseMaxYen { get; init; }

    [JsonIgnore] public bool IsTopUp => TopUp is not null;

    [JsonIgnore] public bool HasEmployeeBracket => MinEmployees is not null || MaxEmployees is not null;

    public bool FitsTrack(string? track) => Track is null || Track == track;

    public bool FitsSize(SmeClass? size) => Size switch
    {
        SizeCondition.Any => true,
        SizeCondition.SmallScale => size == SmeClass.SmallScale,
        _ => size == SmeClass.Sme,
    };

    public bool FitsEmployees(int? employees) =>
        !HasEmployeeBracket || employees is { } count && count >= (MinEmployees ?? 0) && count <= (MaxEmployees ?? int.MaxValue);

    /// <summary>The same conditions apart from the band: band rows of one bracket share them.</summary>
    internal (string?, SizeCondition, int?, int?, string?) Conditions => (Track, Size, MinEmployees, MaxEmployees, TopUp);
}

/// <summary>The facts terms are applied to: the track and top-ups chosen, the size class and the employees on the application date.</summary>
public sealed record TermsSituation(string? Track, SmeClass? SizeClass, int? Employees, IReadOnlyCollection<string> TopUps);

/// <summary>Why terms could not be applied, or what is wrong with them, as a message key with its values.</summary>
public sealed record TermsProblem(string Key, int? Row = null, params object[] Args);

/// <summary>
/// A measure's terms as rows (conditions → rate, maximum, minimum), with its tracks, its top-ups, the unit the subsidy
/// is rounded down to and the basis of the eligible cost. One definition serves the editor, the import, the catalogue,
/// the applicant's check, the payable amount after the report and the open-data API. No rows means the measure states
/// no terms the portal can apply (a loan, advice, or terms still to be confirmed).
/// </summary>
public sealed record SubsidyTerms
{
    /// <summary>The units a subsidy may be rounded down to (1円未満切り捨て … 1万円未満切り捨て).</summary>
    public static readonly IReadOnlyList<long> RoundingUnits = [1, 10, 100, 1_000, 10_000];

    public static readonly SubsidyTerms None = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower), new SubsidyRateJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public IReadOnlyList<TermsRow> Rows { get; init; } = [];
    public IReadOnlyList<TermsTrack> Tracks { get; init; } = [];
    public IReadOnlyList<TermsTopUp> TopUps { get; init; } = [];
    public long RoundingUnitYen { get; init; } = 1;
    public CostBasis Basis { get; init; }

    [JsonIgnore] public bool IsEmpty => Rows.Count == 0;

    /// <summary>Terms of one row for every applicant (one rate, one maximum, one minimum); none when nothing is stated.</summary>
    public static SubsidyTerms Simple(SubsidyRate? rate, long? minYen, long? maxYen) =>
        rate is null && minYen is null && maxYen is null ? None : new() { Rows = [new TermsRow { Rate = rate, MinYen = minYen, MaxYen = maxYen }] };

    public TermsTrack? TrackOf(string? key) => Tracks.FirstOrDefault(t => t.Key == key);

    public TermsTopUp? TopUpOf(string? key) => TopUps.FirstOrDefault(t => t.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored terms; empty text is no terms.</summary>
    public static SubsidyTerms Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? None : JsonSerializer.Deserialize<SubsidyTerms>(json, Json) ?? None;

    /// <summary>The rows that apply to a situation, or the reason none can be applied.</summary>
    public TermsOutcome For(TermsSituation situation)
    {
        if (IsEmpty)
        {
            return TermsOutcome.NoTerms;
        }

        if (Tracks.Count > 0 && TrackOf(situation.Track) is null)
        {
            return TermsOutcome.Problem("Terms.ChooseTrack");
        }

        var candidates = Rows.Where(r => !r.IsTopUp && r.FitsTrack(situation.Track)).ToList();
        if (situation.SizeClass is null or SmeClass.Undetermined && candidates.Any(r => r.Size != SizeCondition.Any))
        {
            return TermsOutcome.Problem("Terms.SizeUnknown");
        }

        if (situation.Employees is null && candidates.Any(r => r.HasEmployeeBracket))
        {
            return TermsOutcome.Problem("Terms.EmployeesUnknown");
        }

        var bands = candidates.Where(r => r.FitsSize(situation.SizeClass) && r.FitsEmployees(situation.Employees)).OrderBy(r => r.BandFromYen).ToList();
        if (bands.Count == 0)
        {
            return TermsOutcome.Problem("Terms.NoRow");
        }

        if (Conflict(situation.TopUps) is ({ } first, { } second))
        {
            return TermsOutcome.Problem("Terms.TopUpsExclusive", first.Name, second.Name);
        }

        var topUps = new List<TermsRow>();
        foreach (var key in situation.TopUps.Distinct(StringComparer.Ordinal))
        {
            if (TopUpOf(key) is not { } topUp)
            {
                return TermsOutcome.Problem("Terms.UnknownTopUp", key);
            }

            var row = Rows.FirstOrDefault(r => r.TopUp == key && r.FitsTrack(situation.Track) && r.FitsSize(situation.SizeClass) && r.FitsEmployees(situation.Employees));
            if (row is null)
            {
                return TermsOutcome.Problem("Terms.TopUpUnavailable", topUp.Name);
            }

            topUps.Add(row);
        }

        return new TermsOutcome(new AppliedTerms(bands, topUps, RoundingUnitYen, Basis), null);
    }

    /// <summary>The first two of the chosen top-ups that cannot be combined, if any.</summary>
    public (TermsTopUp First, TermsTopUp Second)? Conflict(IEnumerable<string> chosen)
    {
        var known = TopUps.Where(t => chosen.Contains(t.Key)).ToList();
        foreach (var topUp in known)
        {
            if (known.FirstOrDefault(other => topUp.Excludes.Contains(other.Key)) is { } excluded)
            {
                return (topUp, excluded);
            }
        }

        return null;
    }

    /// <summary>The largest maximum any applicant can reach, top-ups included (jGrants' subsidy_max_limit).</summary>
    [JsonIgnore]
    public long? HeadlineMaxYen
    {
        get
        {
            var lastBands = Rows.Where(r => !r.IsTopUp && r.MaxYen is not null)
                .GroupBy(r => r.Conditions).Select(g => g.MaxBy(r => r.BandFromYen)!).ToList();
            if (lastBands.Count == 0)
            {
                return null;
            }

            // The best combination of top-ups that may be chosen together (there are only a few of them).
            var combinations = Enumerable.Range(0, 1 << Math.Min(TopUps.Count, 16))
                .Select(mask => TopUps.Where((_, i) => (mask & (1 << i)) != 0).ToList())
                .Where(chosen => Conflict(chosen.Select(t => t.Key)) is null)
                .ToList();
            return lastBands.Max(row => row.MaxYen!.Value + combinations.Max(chosen => chosen.Sum(topUp =>
                Rows.Where(r => r.TopUp == topUp.Key && Overlap(r, row)).Select(r => r.RaiseMaxYen ?? 0).DefaultIfEmpty(0).Max())));
        }
    }

    /// <summary>The smallest minimum of any base row, when rows state one.</summary>
    [JsonIgnore]
    public long? HeadlineMinYen => Rows.Where(r => !r.IsTopUp && r.BandFromYen == 0).Select(r => r.MinYen).Min();

    /// <summary>The highest rate any row gives (the "up to" rate of a headline).</summary>
    [JsonIgnore]
    public SubsidyRate? HeadlineRate => Rows.Select(r => r.Rate).OfType<SubsidyRate>().Aggregate((SubsidyRate?)null, (max, rate) => SubsidyRate.Higher(max, rate));

    /// <summary>
    /// What is wrong with the terms, row by row (rows numbered from 0): unknown tracks or top-ups, impossible brackets and
    /// amounts, two rows that apply to the same applicant (overlap), employee brackets of a size class with a hole between
    /// them (gap), and amount bands that do not follow one another from zero.
    /// </summary>
    public IReadOnlyList<TermsProblem> Problems()
    {
        var problems = new List<TermsProblem>();
        if (!RoundingUnits.Contains(RoundingUnitYen))
        {
            problems.Add(new TermsProblem("Terms.Problem.RoundingUnit"));
        }

        problems.AddRange(Tracks.Where((t, i) => !Keys.IsKey(t.Key) || Tracks.Take(i).Any(o => o.Key == t.Key) || Blank(t.NameJa) || Blank(t.NameEn))
            .Select(t => new TermsProblem("Terms.Problem.Track", null, t.Key)));
        problems.AddRange(TopUps.Where((t, i) => !Keys.IsKey(t.Key) || TopUps.Take(i).Any(o => o.Key == t.Key) || Blank(t.NameJa) || Blank(t.NameEn)
                || Blank(t.CommitmentJa) || Blank(t.CommitmentEn) || t.Excludes.Any(x => x == t.Key || TopUpOf(x) is null))
            .Select(t => new TermsProblem("Terms.Problem.TopUp", null, t.Key)));

        for (var i = 0; i < Rows.Count; i++)
        {
            problems.AddRange(RowProblems(Rows[i]).Select(key => new TermsProblem(key, i)));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        for (var i = 0; i < Rows.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Rows[i].TopUp == Rows[j].TopUp && Rows[i].BandFromYen == Rows[j].BandFromYen && Overlap(Rows[i], Rows[j]))
                {
                    problems.Add(new TermsProblem("Terms.Problem.Overlap", i, j + 1, i + 1));
                }
            }
        }

        problems.AddRange(Gaps());
        problems.AddRange(BandProblems());
        return problems;
    }

    private IEnumerable<string> RowProblems(TermsRow row)
    {
        if (row.Track is not null && TrackOf(row.Track) is null)
        {
            yield return "Terms.Problem.RowTrack";
        }

        if (row.TopUp is not null && TopUpOf(row.TopUp) is null)
        {
            yield return "Terms.Problem.RowTopUp";
        }

        if (row.MinEmployees < 0 || row.MaxEmployees < (row.MinEmployees ?? 0))
        {
            yield return "Terms.Problem.Employees";
        }

        if (row.IsTopUp)
        {
            if (row.MaxYen is not null || row.MinYen is not null || row.BandFromYen != 0 || row.Rate is null && row.RaiseMaxYen is null or 0)
            {
                yield return "Terms.Problem.TopUpRow";
            }
        }
        else if (row.RaiseMaxYen is not null || row.BandFromYen < 0 || row.MinYen < 0 || row.MaxYen <= row.BandFromYen || row.MinYen > row.MaxYen)
        {
            yield return "Terms.Problem.Amounts";
        }
    }

    /// <summary>
    /// A hole between two employee brackets of the same track and size class: an applicant there has no row. Reported on
    /// the first row of the bracket after the hole, with the track, the size class (as the rows name it) and the hole.
    /// </summary>
    private IEnumerable<TermsProblem> Gaps()
    {
        var tracks = Tracks.Count == 0 ? [null] : Tracks.Select(t => (string?)t.Key).ToList();
        foreach (var track in tracks)
        {
            foreach (var (size, condition) in new[] { (SmeClass.SmallScale, SizeCondition.SmallScale), (SmeClass.Sme, SizeCondition.NotSmallScale) })
            {
                var brackets = Rows.Select((row, index) => (row, index))
                    .Where(x => !x.row.IsTopUp && x.row.BandFromYen == 0 && x.row.FitsTrack(track) && x.row.FitsSize(size))
                    .GroupBy(x => (From: x.row.MinEmployees ?? 0, To: x.row.MaxEmployees ?? int.MaxValue), x => x.index)
                    .OrderBy(g => g.Key.From).ToList();
                for (var k = 1; k < brackets.Count; k++)
                {
                    var (before, after) = (brackets[k - 1].Key, brackets[k].Key);
                    if (before.To != int.MaxValue && after.From > before.To + 1)
                    {
                        yield return new TermsProblem("Terms.Problem.Gap", brackets[k].Min(), track ?? "", condition, before.To + 1, after.From - 1);
                    }
                }
            }
        }
    }

    /// <summary>The bands of one bracket start at zero and each starts where the one before ends.</summary>
    private IEnumerable<TermsProblem> BandProblems()
    {
        foreach (var group in Rows.Select((row, index) => (row, index)).Where(x => !x.row.IsTopUp).GroupBy(x => x.row.Conditions))
        {
            var bands = group.OrderBy(x => x.row.BandFromYen).ToList();
            var from = 0L;
            foreach (var (row, index) in bands)
            {
                if (row.BandFromYen != from || row != bands[^1].row && row.MaxYen is null)
                {
                    yield return new TermsProblem("Terms.Problem.Bands", index);
                    break;
                }

                from = row.MaxYen ?? 0;
            }
        }
    }

    /// <summary>Two rows that one applicant could both meet (tracks, size classes and employee brackets intersect).</summary>
    private static bool Overlap(TermsRow a, TermsRow b) =>
        (a.Track is null || b.Track is null || a.Track == b.Track)
        && (a.Size == SizeCondition.Any || b.Size == SizeCondition.Any || a.Size == b.Size)
        && (a.MinEmployees ?? 0) <= (b.MaxEmployees ?? int.MaxValue) && (b.MinEmployees ?? 0) <= (a.MaxEmployees ?? int.MaxValue);

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}

/// <summary>Terms applied to one situation, or why they could not be: a message key with its values.</summary>
public sealed record TermsOutcome(AppliedTerms? Applied, string? ProblemKey, params object[] Args)
{
    /// <summary>The measure states no terms: nothing limits the request but what the applicant asks.</summary>
    public static readonly TermsOutcome NoTerms = new(null, null);

    public static TermsOutcome Problem(string key, params object[] args) => new(null, key, args);
}

/// <summary>
/// The rows that apply to one application: its amount bands (one row unless the rate changes with the amount) and the
/// top-ups it chose. Money is whole yen and the subsidy is rounded down to the terms' unit, then capped by the maximum.
/// </summary>
public sealed record AppliedTerms(IReadOnlyList<TermsRow> Bands, IReadOnlyList<TermsRow> TopUps, long RoundingUnitYen, CostBasis Basis)
{
    /// <summary>The highest rate a chosen top-up lifts every band to, if any.</summary>
    public SubsidyRate? TopUpRate => TopUps.Select(r => r.Rate).OfType<SubsidyRate>().Aggregate((SubsidyRate?)null, (max, rate) => SubsidyRate.Higher(max, rate));

    /// <summary>The rate a band pays: its own, or a chosen top-up's when that is higher.</summary>
    public SubsidyRate? RateOf(TermsRow band) => TopUpRate is { } lifted && band.Rate is { } own ? SubsidyRate.Higher(own, lifted) : band.Rate ?? null;

    public long? MaxYen => Bands[^1].MaxYen is { } max ? max + TopUps.Sum(r => r.RaiseMaxYen ?? 0) : null;

    public long? MinYen => Bands[0].MinYen;

    /// <summary>The most that may be asked for an eligible cost: banded rate × cost, rounded down to the unit, capped by the maximum.</summary>
    public long Limit(long eligibleCostYen) => MaxYen is { } max ? Math.Min(Uncapped(eligibleCostYen), max) : Uncapped(eligibleCostYen);

    /// <summary>Banded rate × cost, rounded down to the unit, before the maximum; no cost (or a negative one, as typed) gives nothing.</summary>
    public long Uncapped(long eligibleCostYen)
    {
        var subsidy = Exact.Zero;
        var remaining = new Exact(Math.Max(0, eligibleCostYen), 1);
        for (var i = 0; i < Bands.Count; i++)
        {
            var rate = RateOf(Bands[i]) is { } r ? new Exact(r.Numerator, r.Denominator) : new Exact(1, 1);
            var paid = remaining * rate;
            var capacity = i < Bands.Count - 1 ? new Exact(Bands[i].MaxYen!.Value - Bands[i].BandFromYen, 1) : (Exact?)null;
            if (capacity is { } full && paid.CompareTo(full) > 0)
            {
                // This band is filled; the cost it took goes no further.
                subsidy += full;
                remaining -= full / rate;
                continue;
            }

            subsidy += paid;
            break;
        }

        var yen = (long)subsidy.Floor();
        return yen - yen % RoundingUnitYen;
    }

    /// <summary>The amount payable after the performance report (額の確定): the limit on the eligible actual cost, up to the grant.</summary>
    public long Payable(long eligibleActualCostYen, long grantedYen) => Math.Max(0, Math.Min(Limit(eligibleActualCostYen), grantedYen));
}

/// <summary>An exact fraction of yen, so that banded rates round down once, at the end.</summary>
internal readonly record struct Exact
{
    public Exact(BigInteger numerator, BigInteger denominator)
    {
        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        (Numerator, Denominator) = divisor.IsZero ? (BigInteger.Zero, BigInteger.One) : (numerator / divisor, denominator / divisor);
    }

    public static Exact Zero => new(0, 1);

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static Exact operator +(Exact a, Exact b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Exact operator -(Exact a, Exact b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Exact operator *(Exact a, Exact b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Exact operator /(Exact a, Exact b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public int CompareTo(Exact other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>Rounded down (the values here are never negative).</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator, Denominator);
}

/// <summary>Keys of tracks and top-ups: short, ASCII, stable (stored with applications).</summary>
internal static class Keys
{
    public static bool IsKey(string? key) => key is { Length: >= 1 and <= 40 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>A rate in JSON as its fraction, <c>"2/3"</c>.</summary>
public sealed class SubsidyRateJsonConverter : JsonConverter<SubsidyRate>
{
    public override SubsidyRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var parts = text?.Split('/');
        if (parts is [var n, var d] && int.TryParse(n, out var numerator) && int.TryParse(d, out var denominator) && SubsidyRate.IsValid(numerator, denominator))
        {
            return new SubsidyRate(numerator, denominator);
        }

        throw new JsonException($"Not a rate: {text}");
    }

    public override void Write(Utf8JsonWriter writer, SubsidyRate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
