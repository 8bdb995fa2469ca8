using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.UnitTests.Eligibility;

/// <summary>
/// Every rule type at its boundaries: at the limit, one over, and with the fact missing (which must ask for the
/// fact, not guess). The facts start from a manufacturer in Tokyo that passes every rule; each row changes one.
/// </summary>
public class EligibilityEngineTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");
    private static readonly ReferenceCatalog Reference = ReferenceCatalog.Load(Folder);
    private static readonly EligibilityEngine Engine = new(SmeDefinitionFile.Load(Folder), Reference.MajorOf);
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>A manufacturer (JSIC E 29 291): 12 employees, ¥10m capital, Tokyo, founded 2016-04-01, equipment investment.</summary>
    private static readonly ApplicantFacts Maker = new(
        LegalForm.Corporation, new IndustryCode("E", "29", "291"), 10_000_000, 12, "13", new DateOnly(2016, 4, 1),
        new HashSet<Purpose> { Purpose.EquipmentInvestment },
        new OwnershipFacts([new Shareholder(100m, false)], [new Officer(false)], [100_000_000, 120_000_000, 90_000_000]),
        ReceivedMeasureIds: new HashSet<int>(), AppliedMeasureIds: new HashSet<int>());

    private static ApplicantFacts With(string change) => change switch
    {
        "as is" => Maker,
        "employees 20" => Maker with { Employees = 20 },
        "employees 21" => Maker with { Employees = 21 },
        "employees 300" => Maker with { Employees = 300 },
        "employees 301, capital 300m" => Maker with { Employees = 301, CapitalYen = 300_000_000 },
        "employees 301, capital 300m+1" => Maker with { Employees = 301, CapitalYen = 300_000_001 },
        "sole, employees 301" => Maker with { LegalForm = LegalForm.SoleProprietor, Employees = 301, CapitalYen = null },
        "no employees" => Maker with { Employees = null },
        "no employees, capital 300m+1" => Maker with { Employees = null, CapitalYen = 300_000_001 },
        "no legal form" => Maker with { LegalForm = null },
        "capital 50m" => Maker with { CapitalYen = 50_000_000 },
        "capital 50m+1" => Maker with { CapitalYen = 50_000_001 },
        "no capital" => Maker with { CapitalYen = null },
        "sole, no capital" => Maker with { LegalForm = LegalForm.SoleProprietor, CapitalYen = null },
        "industry E only" => Maker with { Industry = new IndustryCode("E") },
        "industry E 29 only" => Maker with { Industry = new IndustryCode("E", "29") },
        "industry E 30 only" => Maker with { Industry = new IndustryCode("E", "30") },
        "industry I 56" => Maker with { Industry = new IndustryCode("I", "56") },
        "no industry" => Maker with { Industry = null },
        "Osaka" => Maker with { PrefectureCode = "27" },
        "no prefecture" => Maker with { PrefectureCode = null },
        "founded 2021-11-27" => Maker with { FoundedOn = new DateOnly(2021, 11, 27) },
        "founded 2021-11-28" => Maker with { FoundedOn = new DateOnly(2021, 11, 28) },
        "not founded" => Maker with { FoundedOn = null },
        "large holds 50%" => Maker with { Ownership = Maker.Ownership! with { Shareholders = [new Shareholder(50m, true), new Shareholder(50m, false)] } },
        "large holds 49.99%" => Maker with { Ownership = Maker.Ownership! with { Shareholders = [new Shareholder(49.99m, true), new Shareholder(50.01m, false)] } },
        "income avg 1.5bn" => Maker with { Ownership = Maker.Ownership! with { LastThreeYearsTaxableIncomeYen = [1_500_000_000, 1_500_000_000, 1_500_000_000] } },
        "income avg 1.5bn+1" => Maker with { Ownership = Maker.Ownership! with { LastThreeYearsTaxableIncomeYen = [1_500_000_000, 1_500_000_000, 1_500_000_003] } },
        "no income" => Maker with { Ownership = Maker.Ownership! with { LastThreeYearsTaxableIncomeYen = null } },
        "no ownership" => Maker with { Ownership = null },
        "no ownership, declared deemed" => Maker with { Ownership = null, DeclaredDeemedLarge = true },
        "no ownership, declared not" => Maker with { Ownership = null, DeclaredDeemedLarge = false },
        "sole, no ownership" => Maker with { LegalForm = LegalForm.SoleProprietor, CapitalYen = null, Ownership = null },
        "purpose IT" => Maker with { Purposes = new HashSet<Purpose> { Purpose.ItDx } },
        "no purposes" => Maker with { Purposes = new HashSet<Purpose>() },
        "received 7" => Maker with { ReceivedMeasureIds = new HashSet<int> { 7 } },
        "received 8" => Maker with { ReceivedMeasureIds = new HashSet<int> { 8 } },
        "received unknown" => Maker with { ReceivedMeasureIds = null },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private static EligibilityRules Rules(string rule) => rule switch
    {
        "small-scale" => new(SizeClass: SizeClassTarget.SmallScale),
        "SME" => new(SizeClass: SizeClassTarget.Sme),
        "employees ≤ 20" => new(MaxEmployees: 20),
        "capital ≤ 50m" => new(MaxCapitalYen: 50_000_000),
        "industry E" => new(Industries: ["E"]),
        "industry 29" => new(Industries: ["29"]),
        "industry 291" => new(Industries: ["291"]),
        "Tokyo or Kanagawa" => new(Prefectures: ["13", "14"]),
        "founded 5 years ago or more" => new(MinYearsSinceFounding: 5),
        "founded under 5 years ago" => new(MaxYearsSinceFounding: 5),
        "companies" => new(LegalForms: [LegalForm.Corporation]),
        "sole proprietors" => new(LegalForms: [LegalForm.SoleProprietor]),
        "not deemed large" => new(DeemedLarge: DeemedLargeExclusion.Excluded),
        "not deemed large, income" => new(DeemedLarge: DeemedLargeExclusion.ExcludedWithTaxableIncome),
        "equipment or sales" => new(RequiredPurposes: [Purpose.EquipmentInvestment, Purpose.SalesChannels]),
        "not received before" => new(ExcludesRecipients: true),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>A rule, a change to the facts, and the outcome with the reason's key and values (and the fact asked for).</summary>
    public static TheoryData<string, string, RuleOutcome, string, string?> Boundaries => new()
    {
        // size class (manufacturing: ¥300m or 300 employees; small-scale 20)
        { "small-scale", "employees 20", RuleOutcome.Met, "SmallScale(20, 20)", null },
        { "small-scale", "employees 21", RuleOutcome.NotMet, "NotSmallScale(21, 20)", null },
        { "small-scale", "no employees", RuleOutcome.Unknown, "SmallScaleUnknown(20)", "Employees" },
        { "SME", "employees 300", RuleOutcome.Met, "SmeByEmployees(300, 300)", null },
        { "SME", "employees 301, capital 300m", RuleOutcome.Met, "SmeByCapital(300000000, 300000000)", null },
        { "SME", "employees 301, capital 300m+1", RuleOutcome.NotMet, "NotSme(301, 300, 300000001, 300000000)", null },
        { "SME", "sole, employees 301", RuleOutcome.NotMet, "NotSmeByEmployees(301, 300)", null },
        { "SME", "no employees, capital 300m+1", RuleOutcome.Unknown, "SizeUnknown()", "Employees" },
        { "SME", "no industry", RuleOutcome.Unknown, "SizeUnknown()", "Industry" },
        { "SME", "no legal form", RuleOutcome.Unknown, "LegalFormUnknown()", "LegalForm" },
        // employee limit
        { "employees ≤ 20", "employees 20", RuleOutcome.Met, "EmployeesWithin(20, 20)", null },
        { "employees ≤ 20", "employees 21", RuleOutcome.NotMet, "EmployeesOverLimit(21, 20)", null },
        { "employees ≤ 20", "no employees", RuleOutcome.Unknown, "EmployeesUnknown(20)", "Employees" },
        // capital limit
        { "capital ≤ 50m", "capital 50m", RuleOutcome.Met, "CapitalWithin(50000000, 50000000)", null },
        { "capital ≤ 50m", "capital 50m+1", RuleOutcome.NotMet, "CapitalOverLimit(50000001, 50000000)", null },
        { "capital ≤ 50m", "no capital", RuleOutcome.Unknown, "CapitalUnknown(50000000)", "Capital" },
        { "capital ≤ 50m", "sole, no capital", RuleOutcome.Met, "CapitalNotApplicable()", null },
        // industries, at each precision
        { "industry E", "industry E only", RuleOutcome.Met, "IndustryListed(E, E)", null },
        { "industry E", "industry I 56", RuleOutcome.NotMet, "IndustryNotListed(56, [E])", null },
        { "industry 29", "as is", RuleOutcome.Met, "IndustryListed(291, 29)", null },
        { "industry 29", "industry E only", RuleOutcome.Unknown, "IndustryNotPrecise(E)", "Industry" },
        { "industry 29", "industry E 30 only", RuleOutcome.NotMet, "IndustryNotListed(30, [29])", null },
        { "industry 29", "industry I 56", RuleOutcome.NotMet, "IndustryNotListed(56, [29])", null },
        { "industry 291", "industry E 29 only", RuleOutcome.Unknown, "IndustryNotPrecise(29)", "Industry" },
        { "industry 291", "industry E 30 only", RuleOutcome.NotMet, "IndustryNotListed(30, [291])", null },
        { "industry 291", "no industry", RuleOutcome.Unknown, "IndustryUnknown()", "Industry" },
        // prefectures
        { "Tokyo or Kanagawa", "as is", RuleOutcome.Met, "PrefectureListed(13)", null },
        { "Tokyo or Kanagawa", "Osaka", RuleOutcome.NotMet, "PrefectureNotListed(27, [13, 14])", null },
        { "Tokyo or Kanagawa", "no prefecture", RuleOutcome.Unknown, "PrefectureUnknown()", "Prefecture" },
        // years since founding: the fifth anniversary is 2026-11-27
        { "founded 5 years ago or more", "founded 2021-11-27", RuleOutcome.Met, "FoundedAtLeast(5, 5)", null },
        { "founded 5 years ago or more", "founded 2021-11-28", RuleOutcome.NotMet, "FoundedTooRecently(4, 5)", null },
        { "founded under 5 years ago", "founded 2021-11-28", RuleOutcome.Met, "FoundedWithin(4, 5)", null },
        { "founded under 5 years ago", "founded 2021-11-27", RuleOutcome.NotMet, "FoundedTooLongAgo(5, 5)", null },
        { "founded under 5 years ago", "not founded", RuleOutcome.Unknown, "FoundedUnknown()", "FoundedOn" },
        // legal forms
        { "companies", "as is", RuleOutcome.Met, "LegalFormListed(Corporation)", null },
        { "sole proprietors", "as is", RuleOutcome.NotMet, "LegalFormNotListed(Corporation)", null },
        { "companies", "no legal form", RuleOutcome.Unknown, "LegalFormUnknown()", "LegalForm" },
        // deemed large, without and with the taxable-income rule
        { "not deemed large", "large holds 49.99%", RuleOutcome.Met, "NotDeemedLarge()", null },
        { "not deemed large", "large holds 50%", RuleOutcome.NotMet, "DeemedLarge(OneLargeHoldsHalf(50))", null },
        { "not deemed large", "no ownership", RuleOutcome.Unknown, "OwnershipUnknown()", "Ownership" },
        { "not deemed large", "no ownership, declared deemed", RuleOutcome.NotMet, "DeclaredDeemedLarge()", null },
        { "not deemed large", "no ownership, declared not", RuleOutcome.Met, "DeclaredNotDeemedLarge()", null },
        { "not deemed large", "sole, no ownership", RuleOutcome.Met, "SoleProprietorNotDeemedLarge()", null },
        { "not deemed large", "income avg 1.5bn+1", RuleOutcome.Met, "NotDeemedLarge()", null },
        { "not deemed large, income", "income avg 1.5bn", RuleOutcome.Met, "NotDeemedLarge()", null },
        { "not deemed large, income", "income avg 1.5bn+1", RuleOutcome.NotMet, "DeemedLarge(TaxableIncomeOver(1500000001, 1500000000))", null },
        { "not deemed large, income", "no income", RuleOutcome.Unknown, "TaxableIncomeUnknown()", "TaxableIncome" },
        // purposes: any one of the required
        { "equipment or sales", "as is", RuleOutcome.Met, "PurposeMatched([EquipmentInvestment])", null },
        { "equipment or sales", "purpose IT", RuleOutcome.NotMet, "PurposeNotMatched([EquipmentInvestment, SalesChannels])", null },
        { "equipment or sales", "no purposes", RuleOutcome.Unknown, "PurposesUnknown([EquipmentInvestment, SalesChannels])", "Purposes" },
        // received before (the measure judged is id 7)
        { "not received before", "received 8", RuleOutcome.Met, "NotReceived()", null },
        { "not received before", "received 7", RuleOutcome.NotMet, "AlreadyReceived()", null },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void EachRule_AtItsBoundary_GivesItsOutcomeAndReason(string rule, string change, RuleOutcome outcome, string reason, string? missing)
    {
        var verdict = Engine.Judge(With(change), Rules(rule), Today, measureId: 7);

        var result = Assert.Single(verdict.Rules);
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(reason, Describe(result.Reason));
        Assert.Equal(missing, result.Missing?.ToString());
        Assert.Equal(outcome switch { RuleOutcome.Met => Verdict.Eligible, RuleOutcome.NotMet => Verdict.NotEligible, _ => Verdict.NeedMoreInformation }, verdict.Verdict);
        Assert.Equal(missing is null ? [] : [missing], verdict.Missing.Select(f => f.ToString()));
    }

    /// <summary>Every reason the boundaries produce has words in both languages, with a placeholder for each of its values.</summary>
    [Theory]
    [MemberData(nameof(Boundaries))]
    public void EachReason_HasWordsInBothLanguages_ForEachOfItsValues(string rule, string change, RuleOutcome outcome, string reason, string? missing)
    {
        _ = (outcome, reason, missing);
        var result = Assert.Single(Engine.Judge(With(change), Rules(rule), Today, measureId: 7).Rules).Reason;

        foreach (var culture in new[] { "ja", "en" })
        {
            var words = Words.GetString("Rule." + result.Key, System.Globalization.CultureInfo.GetCultureInfo(culture));
            Assert.False(string.IsNullOrEmpty(words), $"Rule.{result.Key} has no {culture} words");
            Assert.Equal(result.Values.Length, System.Text.RegularExpressions.Regex.Matches(words, @"\{(\d+)\}").Select(m => m.Groups[1].Value).Distinct().Count());
        }
    }

    private static readonly System.Resources.ResourceManager Words = new("SmePlatform.Web.Resources.SharedResource", typeof(SmePlatform.Web.SharedResource).Assembly);

    [Fact]
    public void NoRules_MeansEligible_SayingThatNoConditionsAreSet()
    {
        var verdict = Engine.Judge(new ApplicantFacts(), new EligibilityRules(), Today);

        Assert.Equal(Verdict.Eligible, verdict.Verdict);
        Assert.Empty(verdict.Rules);
        Assert.True(verdict.HasNoConditions);
        Assert.Equal("NoConditions()", Describe(EligibilityVerdict.NoConditionsReason));
        Assert.Equal("対象の条件は定められていません", Words.GetString("Rule.NoConditions", System.Globalization.CultureInfo.GetCultureInfo("ja")));
        Assert.Equal("No eligibility conditions are set", Words.GetString("Rule.NoConditions", System.Globalization.CultureInfo.GetCultureInfo("en")));
        Assert.False(Engine.Judge(Maker, Rules("SME"), Today).HasNoConditions);
    }

    /// <summary>
    /// Without an account there are no grants to look in: whether the business already received the measure is for its
    /// owner to check. It is a caution, not a question nobody can answer here, and it does not hold the verdict back.
    /// </summary>
    [Fact]
    public void ReceivedBefore_WithoutAnAccount_IsACautionToCheck_NotAMissingFact()
    {
        var verdict = Engine.Judge(With("received unknown"), Rules("not received before"), Today, measureId: 7);

        var result = Assert.Single(verdict.Rules);
        Assert.Equal((RuleOutcome.Unknown, "ReceivedUnknown()", true), (result.Outcome, Describe(result.Reason), result.IsWarning));
        Assert.Equal(Verdict.Eligible, verdict.Verdict);
        Assert.Empty(verdict.Missing);
        Assert.Equal("過去にこの支援策の交付を受けた事業者は対象外です（ご確認ください）", Words.GetString("Rule.ReceivedUnknown", System.Globalization.CultureInfo.GetCultureInfo("ja")));
    }

    /// <summary>
    /// An employee limit equal to the one the size class was judged by states the same fact: it is given once, by the size
    /// class, and it stays a hard rule if either was. A different limit is a different fact and keeps its own reason.
    /// (Manufacturing: small-scale up to 20 employees, an SME up to 300; retail: small-scale up to 5.)
    /// </summary>
    [Theory]
    [InlineData("small-scale", 20, "as is", "SmallScale(12, 20)", Verdict.Eligible)]
    [InlineData("small-scale", 20, "employees 21", "NotSmallScale(21, 20)", Verdict.NotEligible)]
    [InlineData("small-scale", 20, "no employees", "SmallScaleUnknown(20)", Verdict.NeedMoreInformation)]
    [InlineData("SME", 300, "as is", "SmeByEmployees(12, 300)", Verdict.Eligible)]
    [InlineData("SME", 300, "sole, employees 301", "NotSmeByEmployees(301, 300)", Verdict.NotEligible)]
    [InlineData("small-scale", 10, "as is", "SmallScale(12, 20) EmployeesOverLimit(12, 10)", Verdict.NotEligible)]
    [InlineData("small-scale", 20, "industry I 56", "NotSmallScale(12, 5) EmployeesWithin(12, 20)", Verdict.NotEligible)]
    [InlineData("SME", 100, "as is", "SmeByEmployees(12, 300) EmployeesWithin(12, 100)", Verdict.Eligible)]
    [InlineData("SME", 300, "employees 301, capital 300m", "SmeByCapital(300000000, 300000000) EmployeesOverLimit(301, 300)", Verdict.NotEligible)]
    public void AnEmployeeLimit_TheSizeClassAlreadyCompared_IsStatedOnce(string sizeRule, int maxEmployees, string change, string reasons, Verdict expected)
    {
        var rules = Rules(sizeRule) with { MaxEmployees = maxEmployees };

        var verdict = Engine.Judge(With(change), rules, Today);

        Assert.Equal(reasons, string.Join(' ', verdict.Rules.Select(r => Describe(r.Reason))));
        Assert.Equal(expected, verdict.Verdict);
    }

    [Theory]
    [InlineData(true, false, Verdict.NotEligible)]
    [InlineData(false, true, Verdict.NotEligible)]
    [InlineData(true, true, Verdict.Eligible)]
    public void TheOneReasonForTheSameEmployeeLimit_IsHard_IfEitherRuleIs(bool sizeWarnsOnly, bool employeesWarnOnly, Verdict expected)
    {
        var warnOnly = new HashSet<RuleKind>();
        if (sizeWarnsOnly) warnOnly.Add(RuleKind.SizeClass);
        if (employeesWarnOnly) warnOnly.Add(RuleKind.Employees);
        var rules = new EligibilityRules(SizeClass: SizeClassTarget.SmallScale, MaxEmployees: 20, WarnOnly: warnOnly);

        var verdict = Engine.Judge(With("employees 21"), rules, Today);

        var result = Assert.Single(verdict.Rules);
        Assert.Equal("NotSmallScale(21, 20)", Describe(result.Reason));
        Assert.Equal(expected, verdict.Verdict);
        Assert.Equal(expected == Verdict.Eligible, result.IsWarning);
    }

    [Fact]
    public void AFailedRule_OutweighsAnUnknownOne_AndEveryRuleStillGivesItsReason()
    {
        var rules = new EligibilityRules(MaxEmployees: 20, Prefectures: ["13"]);

        var verdict = Engine.Judge(Maker with { Employees = null, PrefectureCode = "27" }, rules, Today);

        Assert.Equal(Verdict.NotEligible, verdict.Verdict);
        Assert.Equal([RuleOutcome.Unknown, RuleOutcome.NotMet], verdict.Rules.Select(r => r.Outcome));
        Assert.Equal(RuleKind.Prefecture, verdict.Blocking!.Kind);
    }

    [Theory]
    [InlineData("purpose IT", Verdict.Eligible, true)]
    [InlineData("no purposes", Verdict.Eligible, true)]
    [InlineData("as is", Verdict.Eligible, false)]
    public void AWarnOnlyRule_WarnsWithoutChangingTheVerdict(string change, Verdict expected, bool warns)
    {
        var rules = new EligibilityRules(RequiredPurposes: [Purpose.EquipmentInvestment], WarnOnly: new HashSet<RuleKind> { RuleKind.Purpose });

        var verdict = Engine.Judge(With(change), rules, Today);

        Assert.Equal(expected, verdict.Verdict);
        Assert.Equal(warns, Assert.Single(verdict.Rules).IsWarning);
        Assert.Empty(verdict.Missing);
    }

    [Fact]
    public void UnknownFacts_AreAskedOnceEach()
    {
        var rules = new EligibilityRules(SizeClass: SizeClassTarget.SmallScale, MaxEmployees: 20, Prefectures: ["13"]);

        var verdict = Engine.Judge(Maker with { Employees = null, PrefectureCode = null }, rules, Today);

        Assert.Equal(Verdict.NeedMoreInformation, verdict.Verdict);
        Assert.Equal([Fact.Employees, Fact.Prefecture], verdict.Missing);
    }

    /// <summary>The reason as "Key(values)", lists in brackets, nested reasons and codes written out.</summary>
    private static string Describe(SmeReason reason) => $"{reason.Key}({string.Join(", ", reason.Values.Select(Value))})";

    private static string Value(object value) => value switch
    {
        SmeReason nested => Describe(nested),
        JsicCode code => code.Code,
        PrefectureCode code => code.Code,
        System.Collections.IEnumerable list and not string => $"[{string.Join(", ", list.Cast<object>().Select(Value))}]",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
