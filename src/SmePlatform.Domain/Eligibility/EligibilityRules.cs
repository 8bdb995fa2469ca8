using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.Eligibility;

/// <summary>The kinds of rule a measure's eligibility is made of; each gives one reason in a verdict.</summary>
public enum RuleKind
{
    SizeClass,
    Industry,
    Employees,
    Capital,
    Prefecture,
    YearsSinceFounding,
    LegalForm,
    DeemedLarge,
    Purpose,
    AlreadyReceived,
}

/// <summary>Whether deemed-large enterprises (みなし大企業) are excluded, and whether the taxable-income rule is part of the test.</summary>
public enum DeemedLargeExclusion
{
    NotExcluded,
    Excluded,
    ExcludedWithTaxableIncome,
}

/// <summary>
/// Who a measure is for, as rules. An empty list or a null limit means the rule is not set (anyone passes, and it
/// gives no reason). A rule in <see cref="WarnOnly"/> only warns when it fails or cannot be told; every other rule
/// set is hard: failing it makes the business not eligible, not knowing it asks for the missing fact.
/// </summary>
/// <param name="SizeClass">SMEs, small-scale businesses only, or any size.</param>
/// <param name="Industries">JSIC codes: a major letter, a middle two digits or a minor three; any one is enough.</param>
/// <param name="MaxEmployees">At most this many regular employees.</param>
/// <param name="MaxCapitalYen">At most this capital (a company; a sole proprietor has none and passes).</param>
/// <param name="Prefectures">JIS prefecture codes; none for nationwide.</param>
/// <param name="MinYearsSinceFounding">Founded at least this many years ago (on the anniversary it passes).</param>
/// <param name="MaxYearsSinceFounding">Founded less than this many years ago (「創業5年未満」).</param>
/// <param name="LegalForms">Companies, sole proprietors, or (empty) both.</param>
/// <param name="DeemedLarge">Whether deemed-large enterprises are excluded, and by which test.</param>
/// <param name="RequiredPurposes">The business pursues at least one of them.</param>
/// <param name="ExcludesRecipients">A business that has already received this measure is not eligible again.</param>
/// <param name="WarnOnly">The rules that only warn.</param>
public sealed record EligibilityRules(
    SizeClassTarget SizeClass = SizeClassTarget.Any,
    IReadOnlyList<string>? Industries = null,
    int? MaxEmployees = null,
    long? MaxCapitalYen = null,
    IReadOnlyList<string>? Prefectures = null,
    int? MinYearsSinceFounding = null,
    int? MaxYearsSinceFounding = null,
    IReadOnlyList<LegalForm>? LegalForms = null,
    DeemedLargeExclusion DeemedLarge = DeemedLargeExclusion.NotExcluded,
    IReadOnlyList<Purpose>? RequiredPurposes = null,
    bool ExcludesRecipients = false,
    IReadOnlySet<RuleKind>? WarnOnly = null)
{
    public bool IsWarnOnly(RuleKind kind) => WarnOnly?.Contains(kind) == true;
}

/// <summary>Who owns and runs the business, as the deemed-large test reads it.</summary>
/// <param name="Shareholders">Holders of its shares or capital.</param>
/// <param name="Officers">Its officers.</param>
/// <param name="LastThreeYearsTaxableIncomeYen">Null when not known (the taxable-income rule then cannot be told).</param>
public sealed record OwnershipFacts(IReadOnlyList<Shareholder> Shareholders, IReadOnlyList<Officer> Officers, IReadOnlyList<long>? LastThreeYearsTaxableIncomeYen = null);

/// <summary>
/// What is known of a business; null is "not known" (never "none"). A registered business brings its profile; the
/// public quick check brings what was typed, and its owner's word on deemed-large status instead of its ownership.
/// </summary>
/// <param name="LegalForm">A company or a sole proprietor.</param>
/// <param name="Industry">Its JSIC code, as precise as known.</param>
/// <param name="CapitalYen">Capital (a company).</param>
/// <param name="Employees">Regular employees.</param>
/// <param name="PrefectureCode">JIS code of the prefecture of its head office.</param>
/// <param name="FoundedOn">The day it was founded (a company) or opened (a sole proprietor).</param>
/// <param name="Purposes">What it wants support for.</param>
/// <param name="Ownership">Shareholders and officers as registered; null when none are registered.</param>
/// <param name="DeclaredDeemedLarge">The answer to "is the business deemed large?" when the ownership is not registered.</param>
/// <param name="ReceivedMeasureIds">Measures the business has been granted; null when not known (no account).</param>
/// <param name="AppliedMeasureIds">Measures the business has applied for (submitted, whatever came of it).</param>
public sealed record ApplicantFacts(
    LegalForm? LegalForm = null,
    IndustryCode? Industry = null,
    long? CapitalYen = null,
    int? Employees = null,
    string? PrefectureCode = null,
    DateOnly? FoundedOn = null,
    IReadOnlySet<Purpose>? Purposes = null,
    OwnershipFacts? Ownership = null,
    bool? DeclaredDeemedLarge = null,
    IReadOnlySet<int>? ReceivedMeasureIds = null,
    IReadOnlySet<int>? AppliedMeasureIds = null)
{
    public BusinessFacts? SizeFacts => LegalForm is { } form ? new BusinessFacts(form, Industry, CapitalYen, Employees) : null;
}
