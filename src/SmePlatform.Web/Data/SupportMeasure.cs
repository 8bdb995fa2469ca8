using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;

namespace SmePlatform.Web.Data;

/// <summary>
/// A support measure (支援策): a subsidy, loan, tax measure, certification or advice service, in Japanese
/// and English. Who it is for is stored as its eligibility rules (<see cref="MeasureEligibility"/>), which
/// the catalogue's facets read, so targeting lives in one place.
/// </summary>
public class SupportMeasure : IVersioned
{
    public int Id { get; set; }

    /// <summary>The stable public identifier in URLs and the API, e.g. <c>monozukuri-2026</c>.</summary>
    public string Slug { get; set; } = "";

    /// <summary>The measure's id where it was imported from (a jGrants id, an agency's own code); unique when set.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Raised by every change: an edit based on an older version is refused, not silently lost.</summary>
    public int Version { get; set; }

    public string TitleJa { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string SummaryJa { get; set; } = "";
    public string SummaryEn { get; set; } = "";

    /// <summary>The body: Markdown rendered with raw HTML disabled, or (imported) HTML sanitised when rendered.</summary>
    public string BodyJa { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public BodyFormat BodyFormat { get; set; }

    public MeasureKind Kind { get; set; }
    public MeasureStatus Status { get; set; }

    public string AgencyJa { get; set; } = "";
    public string AgencyEn { get; set; } = "";

    /// <summary>
    /// The measure's terms: rate, maximum and minimum by track, size class, employee bracket, amount band and top-up
    /// (docs/terms.md). Changed only through <see cref="SetTerms"/> or <see cref="SetUnreadTerms"/>, which keep the
    /// headline amounts in step.
    /// </summary>
    public SubsidyTerms Terms { get; private set; } = SubsidyTerms.None;

    /// <summary>Terms an import could not read (要確認): the source's text is kept and staff confirm the rows.</summary>
    public bool TermsNeedReview { get; private set; }

    /// <summary>The rate as the guidelines write it: 「1/2以内（小規模事業者は2/3以内）」 (jGrants' subsidy_rate).</summary>
    public string RateTextJa { get; set; } = "";
    public string RateTextEn { get; set; } = "";

    /// <summary>
    /// The headline amounts the catalogue filters and sorts by: the smallest minimum and the largest maximum of the terms,
    /// or, for a kind without terms, its own amounts (a loan's limit).
    /// </summary>
    public long? MinAmountYen { get; private set; }
    public long? MaxAmountYen { get; private set; }

    /// <summary>Acceptance window, UTC instants; both null for a standing measure.</summary>
    public DateTime? AcceptanceStartUtc { get; set; }
    public DateTime? AcceptanceEndUtc { get; set; }

    public string? OfficialUrl { get; set; }
    public string ContactJa { get; set; } = "";
    public string ContactEn { get; set; } = "";

    /// <summary>Demo data shipped with the app, marked as such on every page that shows it.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>Titles, summaries, bodies and agency of both languages folded by <see cref="SearchText"/>.</summary>
    public string SearchText { get; set; } = "";

    public MeasureEligibility Eligibility { get; set; } = new();

    public List<MeasurePurpose> Purposes { get; set; } = [];

    /// <summary>Who the measure is for, as the eligibility engine reads it (a purpose match requires one of its own purposes).</summary>
    public EligibilityRules Rules => Eligibility.ToRules(Purposes.Select(p => p.Purpose));

    /// <summary>The highest rate of the terms (the "up to" rate of a headline).</summary>
    public SubsidyRate? Rate => Terms.HeadlineRate;

    /// <summary>Terms confirmed by staff (or read with certainty): the headline amounts follow them.</summary>
    public void SetTerms(SubsidyTerms terms)
    {
        Terms = terms;
        TermsNeedReview = false;
        MinAmountYen = terms.HeadlineMinYen;
        MaxAmountYen = terms.HeadlineMaxYen;
    }

    /// <summary>The amounts of a measure that has no terms (a loan's limit, 融資限度額): no rows, the amounts as given.</summary>
    public void SetAmounts(long? minAmountYen, long? maxAmountYen)
    {
        Terms = SubsidyTerms.None;
        TermsNeedReview = false;
        MinAmountYen = minAmountYen;
        MaxAmountYen = maxAmountYen;
    }

    /// <summary>Terms that could not be read: none apply until staff confirm them; the source's maximum is still shown.</summary>
    public void SetUnreadTerms(long? maxAmountYen)
    {
        Terms = SubsidyTerms.None;
        TermsNeedReview = true;
        MinAmountYen = null;
        MaxAmountYen = maxAmountYen;
    }

    /// <summary>Refreshes <see cref="SearchText"/> from the text fields; call after any change to them.</summary>
    public void RefreshSearchText() =>
        SearchText = Domain.Catalogue.SearchText.Fold(string.Join(' ', TitleJa, TitleEn, SummaryJa, SummaryEn, BodyJa, BodyEn, AgencyJa, AgencyEn));
}

/// <summary>How a measure's body is written: typed in the editor as Markdown, or imported as HTML.</summary>
public enum BodyFormat
{
    Markdown,
    Html,
}
