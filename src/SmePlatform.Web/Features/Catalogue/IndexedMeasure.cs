using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;

namespace SmePlatform.Web.Features.Catalogue;

/// <summary>
/// What the catalogue keeps of a published measure for searching and faceting, and for the lists that send people
/// on to apply: <paramref name="AppliesOnline"/> when it has an application form on the portal, else its
/// <paramref name="OfficialUrl"/> (if it has one) and its page's "how to apply".
/// </summary>
public sealed record IndexedMeasure(
    int Id, string Slug, string TitleJa, string TitleEn, string SummaryJa, string SummaryEn, string AgencyJa, string AgencyEn,
    MeasureKind Kind, IReadOnlyList<Purpose> Purposes, IReadOnlyList<string> JsicCodes, IReadOnlyList<string> IndustryMajors,
    IReadOnlyList<string> Prefectures, EmployeeBracket Employees, long? MinAmountYen, long? MaxAmountYen, SubsidyTerms Terms, bool TermsNeedReview,
    string RateTextJa, string RateTextEn, DateTime? StartUtc, DateTime? EndUtc, DateTime CreatedAtUtc, DateTime PublishedAtUtc,
    string SearchText, bool IsDemo, EligibilityRules Rules, bool AppliesOnline = false, string? OfficialUrl = null)
{
    /// <summary>The highest rate of its terms.</summary>
    public SubsidyRate? Rate => Terms.HeadlineRate;

    /// <summary>The measure as the recommender reads it.</summary>
    public MeasureOffer Offer { get; } = new(Id, Rules, Purposes, MaxAmountYen, EndUtc);

    /// <summary>Whether it takes applications at the instant: its window is open, or it has none.</summary>
    public bool IsAcceptingAt(DateTime nowUtc) => Acceptance.IsAccepting(Acceptance.At(StartUtc, EndUtc, nowUtc));
}
