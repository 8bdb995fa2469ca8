using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;

namespace SmePlatform.Web.Data;

/// <summary>
/// Who a measure is for. The catalogue's targeting; the recommendation engine (issue 6) adds rule types here.
/// An empty industry or prefecture list means "all".
/// </summary>
public class MeasureEligibility
{
    public SizeClassTarget SizeClass { get; set; }

    /// <summary>At most this many regular employees; null for no limit.</summary>
    public int? MaxEmployees { get; set; }

    /// <summary>JSIC codes (major letter, middle two digits or minor three) the measure is for.</summary>
    public List<MeasureIndustry> Industries { get; set; } = [];

    /// <summary>JIS prefecture codes; none means nationwide.</summary>
    public List<MeasureRegion> Regions { get; set; } = [];

    /// <summary>At most this capital (companies); null for no limit.</summary>
    public long? MaxCapitalYen { get; set; }

    /// <summary>Founded at least this many years ago; null for no limit.</summary>
    public int? MinYearsSinceFounding { get; set; }

    /// <summary>Founded less than this many years ago (「創業5年未満」); null for no limit.</summary>
    public int? MaxYearsSinceFounding { get; set; }

    /// <summary>Only companies or only sole proprietors; null for both.</summary>
    public LegalForm? LegalForm { get; set; }

    public DeemedLargeExclusion DeemedLarge { get; set; }

    /// <summary>The business must pursue at least one of the measure's purposes.</summary>
    public bool RequiresPurposeMatch { get; set; }

    /// <summary>A business that has been granted this measure before is not eligible again.</summary>
    public bool ExcludesRecipients { get; set; }

    /// <summary>The rules (<see cref="RuleKind"/> names, comma-separated) that only warn instead of deciding.</summary>
    public string WarnOnly { get; set; } = "";

    /// <summary>The rules as the eligibility engine reads them; a purpose match requires one of <paramref name="purposes"/>.</summary>
    internal EligibilityRules ToRules(IEnumerable<Purpose> purposes) => new(
        SizeClass,
        [.. Industries.Select(i => i.JsicCode)],
        MaxEmployees,
        MaxCapitalYen,
        [.. Regions.Select(r => r.PrefectureCode)],
        MinYearsSinceFounding,
        MaxYearsSinceFounding,
        LegalForm is { } form ? [form] : null,
        DeemedLarge,
        RequiresPurposeMatch ? [.. purposes] : null,
        ExcludesRecipients,
        WarnOnlyRules);

    public IReadOnlySet<RuleKind> WarnOnlyRules =>
        WarnOnly.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<RuleKind>(name, out var kind) ? kind : (RuleKind?)null)
            .OfType<RuleKind>()
            .ToHashSet();
}
