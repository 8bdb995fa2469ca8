using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Text;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>
/// A measure as the editor shows it. Numbers, dates and times are kept as typed (so nothing typed is lost
/// when the form comes back with a message) and read by <see cref="MeasureFormValidator"/>; acceptance times
/// are Japan time. The same flat form, taken before and after a save, tells the history what changed.
/// </summary>
public sealed class MeasureForm
{
    public const string DefaultClosingTime = "17:00";

    [Display(Name = "MeasureField.Slug")] public string? Slug { get; set; }
    [Display(Name = "MeasureField.TitleJa")] public string? TitleJa { get; set; }
    [Display(Name = "MeasureField.TitleEn")] public string? TitleEn { get; set; }
    [Display(Name = "MeasureField.SummaryJa")] public string? SummaryJa { get; set; }
    [Display(Name = "MeasureField.SummaryEn")] public string? SummaryEn { get; set; }
    [Display(Name = "MeasureField.BodyJa")] public string? BodyJa { get; set; }
    [Display(Name = "MeasureField.BodyEn")] public string? BodyEn { get; set; }
    [Display(Name = "MeasureField.BodyFormat")] public string? BodyFormat { get; set; }
    [Display(Name = "MeasureField.Kind")] public string? Kind { get; set; }
    [Display(Name = "MeasureField.Purposes")] public List<string> Purposes { get; set; } = [];
    [Display(Name = "MeasureField.AgencyJa")] public string? AgencyJa { get; set; }
    [Display(Name = "MeasureField.AgencyEn")] public string? AgencyEn { get; set; }
    [Display(Name = "MeasureField.RateTextJa")] public string? RateTextJa { get; set; }
    [Display(Name = "MeasureField.RateTextEn")] public string? RateTextEn { get; set; }
    [Display(Name = "MeasureField.MinAmountYen")] public string? MinAmountYen { get; set; }
    [Display(Name = "MeasureField.MaxAmountYen")] public string? MaxAmountYen { get; set; }
    [Display(Name = "MeasureField.StartDate")] public string? StartDate { get; set; }
    [Display(Name = "MeasureField.StartTime")] public string? StartTime { get; set; }
    [Display(Name = "MeasureField.EndDate")] public string? EndDate { get; set; }
    [Display(Name = "MeasureField.EndTime")] public string? EndTime { get; set; }
    [Display(Name = "MeasureField.OfficialUrl")] public string? OfficialUrl { get; set; }
    [Display(Name = "MeasureField.ContactJa")] public string? ContactJa { get; set; }
    [Display(Name = "MeasureField.ContactEn")] public string? ContactEn { get; set; }
    [Display(Name = "MeasureField.SizeClass")] public string? SizeClass { get; set; }
    [Display(Name = "MeasureField.MaxEmployees")] public string? MaxEmployees { get; set; }
    [Display(Name = "MeasureField.Industries")] public string? Industries { get; set; }
    [Display(Name = "MeasureField.Regions")] public List<string> Regions { get; set; } = [];
    [Display(Name = "MeasureField.MaxCapitalYen")] public string? MaxCapitalYen { get; set; }
    [Display(Name = "MeasureField.MinYearsSinceFounding")] public string? MinYearsSinceFounding { get; set; }
    [Display(Name = "MeasureField.MaxYearsSinceFounding")] public string? MaxYearsSinceFounding { get; set; }
    [Display(Name = "MeasureField.LegalForm")] public string? LegalForm { get; set; }
    [Display(Name = "MeasureField.DeemedLarge")] public string? DeemedLarge { get; set; }
    [Display(Name = "MeasureField.RequiresPurposeMatch")] public bool RequiresPurposeMatch { get; set; }
    [Display(Name = "MeasureField.ExcludesRecipients")] public bool ExcludesRecipients { get; set; }
    [Display(Name = "MeasureField.WarnOnly")] public List<string> WarnOnly { get; set; } = [];

    /// <summary>The version the editor started from; a save against a newer one is refused.</summary>
    public int Version { get; set; }

    public static MeasureForm From(SupportMeasure m) => new()
    {
        Slug = m.Slug,
        TitleJa = m.TitleJa,
        TitleEn = m.TitleEn,
        SummaryJa = m.SummaryJa,
        SummaryEn = m.SummaryEn,
        BodyJa = m.BodyJa,
        BodyEn = m.BodyEn,
        BodyFormat = m.BodyFormat.ToString(),
        Kind = m.Kind.ToString(),
        Purposes = [.. m.Purposes.Select(p => p.Purpose).Order().Select(p => p.ToString())],
        AgencyJa = m.AgencyJa,
        AgencyEn = m.AgencyEn,
        RateTextJa = m.RateTextJa,
        RateTextEn = m.RateTextEn,
        MinAmountYen = m.Kind.HasTerms() ? null : Invariant(m.MinAmountYen),
        MaxAmountYen = m.Kind.HasTerms() ? null : Invariant(m.MaxAmountYen),
        StartDate = DateOf(m.AcceptanceStartUtc),
        StartTime = TimeOf(m.AcceptanceStartUtc),
        EndDate = DateOf(m.AcceptanceEndUtc),
        EndTime = TimeOf(m.AcceptanceEndUtc),
        OfficialUrl = m.OfficialUrl,
        ContactJa = m.ContactJa,
        ContactEn = m.ContactEn,
        SizeClass = m.Eligibility.SizeClass.ToString(),
        MaxEmployees = Invariant(m.Eligibility.MaxEmployees),
        Industries = string.Join(' ', m.Eligibility.Industries.Select(i => i.JsicCode).Order(StringComparer.Ordinal)),
        Regions = [.. m.Eligibility.Regions.Select(r => r.PrefectureCode).Order(StringComparer.Ordinal)],
        MaxCapitalYen = Invariant(m.Eligibility.MaxCapitalYen),
        MinYearsSinceFounding = Invariant(m.Eligibility.MinYearsSinceFounding),
        MaxYearsSinceFounding = Invariant(m.Eligibility.MaxYearsSinceFounding),
        LegalForm = m.Eligibility.LegalForm?.ToString() ?? "",
        DeemedLarge = m.Eligibility.DeemedLarge.ToString(),
        RequiresPurposeMatch = m.Eligibility.RequiresPurposeMatch,
        ExcludesRecipients = m.Eligibility.ExcludesRecipients,
        WarnOnly = [.. m.Eligibility.WarnOnlyRules.Order().Select(k => k.ToString())],
        Version = m.Version,
    };

    /// <summary>Copies a valid form onto the measure (its status, dates of record and version aside).</summary>
    public void ApplyTo(SupportMeasure m)
    {
        m.Slug = Slug!.Trim();
        m.TitleJa = Text(TitleJa);
        m.TitleEn = Text(TitleEn);
        m.SummaryJa = Text(SummaryJa);
        m.SummaryEn = Text(SummaryEn);
        m.BodyJa = BodyJa?.Trim() ?? "";
        m.BodyEn = BodyEn?.Trim() ?? "";
        m.BodyFormat = Enum.Parse<BodyFormat>(BodyFormat!);
        m.Kind = Enum.Parse<MeasureKind>(Kind!);
        m.AgencyJa = Text(AgencyJa);
        m.AgencyEn = Text(AgencyEn);
        m.RateTextJa = Text(RateTextJa);
        m.RateTextEn = Text(RateTextEn);

        // A subsidy's amounts follow its terms (kept on their own page); a loan's limit is typed here.
        if (!m.Kind.HasTerms())
        {
            m.SetAmounts(Whole(MinAmountYen), Whole(MaxAmountYen));
        }
        else if (!m.TermsNeedReview)
        {
            m.SetTerms(m.Terms);
        }
        m.AcceptanceStartUtc = Instant(StartDate, StartTime, "00:00");
        m.AcceptanceEndUtc = Instant(EndDate, EndTime, DefaultClosingTime);
        m.OfficialUrl = string.IsNullOrWhiteSpace(OfficialUrl) ? null : OfficialUrl.Trim();
        m.ContactJa = Text(ContactJa);
        m.ContactEn = Text(ContactEn);
        m.Eligibility.SizeClass = Enum.Parse<SizeClassTarget>(SizeClass!);
        m.Eligibility.MaxEmployees = (int?)Whole(MaxEmployees);
        m.Eligibility.MaxCapitalYen = Whole(MaxCapitalYen);
        m.Eligibility.MinYearsSinceFounding = (int?)Whole(MinYearsSinceFounding);
        m.Eligibility.MaxYearsSinceFounding = (int?)Whole(MaxYearsSinceFounding);
        m.Eligibility.LegalForm = string.IsNullOrEmpty(LegalForm) ? null : Enum.Parse<LegalForm>(LegalForm);
        m.Eligibility.DeemedLarge = Enum.Parse<DeemedLargeExclusion>(DeemedLarge!);
        m.Eligibility.RequiresPurposeMatch = RequiresPurposeMatch;
        m.Eligibility.ExcludesRecipients = ExcludesRecipients;
        m.Eligibility.WarnOnly = string.Join(',', WarnOnly.Select(Enum.Parse<RuleKind>).Distinct().Order());

        // Owned collections are replaced only where they changed, so an unchanged list writes nothing.
        var purposes = Purposes.Select(Enum.Parse<Purpose>).Distinct().ToList();
        if (!purposes.Order().SequenceEqual(m.Purposes.Select(p => p.Purpose).Order()))
        {
            m.Purposes = [.. purposes.Select(p => new MeasurePurpose { Purpose = p })];
        }

        var industries = Codes(Industries).ToList();
        if (!industries.Order(StringComparer.Ordinal).SequenceEqual(m.Eligibility.Industries.Select(i => i.JsicCode).Order(StringComparer.Ordinal)))
        {
            m.Eligibility.Industries = [.. industries.Select(code => new MeasureIndustry { JsicCode = code })];
        }

        var regions = Regions.Distinct(StringComparer.Ordinal).ToList();
        if (!regions.Order(StringComparer.Ordinal).SequenceEqual(m.Eligibility.Regions.Select(r => r.PrefectureCode).Order(StringComparer.Ordinal)))
        {
            m.Eligibility.Regions = [.. regions.Select(code => new MeasureRegion { PrefectureCode = code })];
        }

        m.RefreshSearchText();
    }

    /// <summary>The fields whose values differ between two forms, by property name.</summary>
    public static IReadOnlyList<string> ChangedFields(MeasureForm before, MeasureForm after) =>
        [.. typeof(MeasureForm).GetProperties()
            .Where(p => p.Name != nameof(Version))
            .Where(p => Flat(p.GetValue(before)) != Flat(p.GetValue(after)))
            .Select(p => p.Name)];

    /// <summary>JSIC codes as typed: separated by spaces, commas or 、, full-width folded, letters upper-cased.</summary>
    public static IEnumerable<string> Codes(string? typed) =>
        (typed ?? "").Normalize(NormalizationForm.FormKC)
            .Split([' ', ',', '、', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal);

    private static long? Whole(string? typed) => JapaneseInput.TryWhole(typed, out var value) ? value : throw new FormatException("Validate the form before applying it.");

    /// <summary>The UTC instant of a Japan date and time typed into the form; null when no date is given.</summary>
    public static DateTime? Instant(string? date, string? time, string defaultTime)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }

        var day = DateOnly.ParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clock = TimeOnly.ParseExact(string.IsNullOrWhiteSpace(time) ? defaultTime : time.Trim(), "HH:mm", CultureInfo.InvariantCulture);
        return JapanTime.ToUtc(day, clock);
    }

    private static string Text(string? value) => value?.Trim() ?? "";

    private static string? Invariant(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? DateOf(DateTime? utc) => utc is { } instant ? JapanTime.FromUtc(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string? TimeOf(DateTime? utc) => utc is { } instant ? JapanTime.FromUtc(instant).ToString("HH:mm", CultureInfo.InvariantCulture) : null;

    private static string Flat(object? value) => value switch
    {
        null => "",
        string text => text.Trim(),
        IEnumerable<string> list => string.Join(',', list.Order(StringComparer.Ordinal)),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
