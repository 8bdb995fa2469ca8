using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.Eligibility;

public enum RuleOutcome
{
    Met,
    NotMet,
    Unknown,
}

/// <summary>The verdict on one measure; the order is the order recommendations are listed in.</summary>
public enum Verdict
{
    Eligible,
    NeedMoreInformation,
    NotEligible,
}

/// <summary>A fact a rule needed and did not have: what the questions ask for.</summary>
public enum Fact
{
    LegalForm,
    Industry,
    Employees,
    Capital,
    Prefecture,
    FoundedOn,
    Purposes,
    Ownership,
    TaxableIncome,
}

/// <summary>A JSIC code as a reason's value (put into words with its name by the caller).</summary>
public sealed record JsicCode(string Code);

/// <summary>A JIS prefecture code as a reason's value.</summary>
public sealed record PrefectureCode(string Code);

/// <summary>One rule's result and its reason; <paramref name="Missing"/> is the fact an unknown outcome needs.</summary>
public sealed record RuleResult(RuleKind Kind, RuleOutcome Outcome, bool WarnOnly, SmeReason Reason, Fact? Missing = null)
{
    /// <summary>A warn-only rule that failed or could not be told: shown as a warning, not counted in the verdict.</summary>
    public bool IsWarning => WarnOnly && Outcome != RuleOutcome.Met;
}

public sealed record EligibilityVerdict(Verdict Verdict, IReadOnlyList<RuleResult> Rules)
{
    /// <summary>
    /// The measure sets no condition on who may use it: eligible, and that is its one reason (worded as
    /// <see cref="NoConditionsReason"/>). The recommender ranks it below a measure for as many of the business's
    /// purposes whose conditions were checked.
    /// </summary>
    public bool HasNoConditions => Rules.Count == 0;

    /// <summary>The reason a measure without conditions gives.</summary>
    public static readonly SmeReason NoConditionsReason = new("NoConditions");

    /// <summary>The facts that would let the hard rules be told (what the questions ask).</summary>
    public IReadOnlyList<Fact> Missing =>
        [.. Rules.Where(r => !r.WarnOnly && r.Outcome == RuleOutcome.Unknown && r.Missing is not null).Select(r => r.Missing!.Value).Distinct()];

    /// <summary>The reason a hard rule blocks: the first one not met.</summary>
    public RuleResult? Blocking => Rules.FirstOrDefault(r => !r.WarnOnly && r.Outcome == RuleOutcome.NotMet);
}

/// <summary>
/// Decides whether a business may use a measure: each rule set on the measure gives one reason (met, not met, or
/// not known and which fact would tell). Any hard rule not met → not eligible; otherwise any hard rule not known →
/// need more information; otherwise eligible. Warn-only rules never change the verdict. The SME class comes from
/// the SME definition and the deemed-large test from <see cref="DeemedLarge"/>: the same rules the profile shows.
/// Each fact is stated once: an employee limit equal to the one the size class was judged by is not stated again.
/// Whether a business without an account has already received a measure is known only to its owner: that rule is
/// then a caution for them to check, not a question, and does not hold the verdict back.
/// </summary>
/// <param name="sme">The SME definition (industry rules and limits).</param>
/// <param name="majorOf">The JSIC major letter a middle or minor code belongs to; null for an unknown code.</param>
public sealed class EligibilityEngine(SmeDefinition sme, Func<string, string?> majorOf)
{
    /// <param name="facts">What is known of the business.</param>
    /// <param name="rules">The measure's rules.</param>
    /// <param name="today">The Japan date the founding rule counts years to.</param>
    /// <param name="measureId">The measure's id, which "already received" looks for among the business's grants.</param>
    public EligibilityVerdict Judge(ApplicantFacts facts, EligibilityRules rules, DateOnly today, int measureId = 0)
    {
        var results = new List<RuleResult>(4);
        void Add(RuleKind kind, RuleOutcome outcome, SmeReason reason, Fact? missing = null) =>
            results.Add(new RuleResult(kind, outcome, rules.IsWarnOnly(kind), reason, outcome == RuleOutcome.Unknown ? missing : null));
        void AddPair(RuleKind kind, (RuleOutcome Outcome, SmeReason Reason) result, Fact missing) => Add(kind, result.Outcome, result.Reason, missing);

        int? sizeEmployeeLimit = null;
        if (rules.SizeClass != SizeClassTarget.Any)
        {
            var (outcome, reason, missing, employeeLimit) = SizeClass(facts, rules.SizeClass);
            Add(RuleKind.SizeClass, outcome, reason, missing);
            sizeEmployeeLimit = employeeLimit;
        }

        if (rules.Industries is { Count: > 0 } industries)
        {
            var (outcome, reason) = Industry(facts.Industry, industries);
            Add(RuleKind.Industry, outcome, reason, Fact.Industry);
        }

        if (rules.MaxEmployees is { } sameLimit && sameLimit == sizeEmployeeLimit)
        {
            // The size class compared the same employees with the same limit: one reason says it. It is a hard rule
            // if either of the two is.
            var index = results.FindIndex(r => r.Kind == RuleKind.SizeClass);
            results[index] = results[index] with { WarnOnly = results[index].WarnOnly && rules.IsWarnOnly(RuleKind.Employees) };
        }
        else if (rules.MaxEmployees is { } maxEmployees)
        {
            AddPair(RuleKind.Employees, (facts.Employees is { } employees
                ? employees <= maxEmployees ? (RuleOutcome.Met, new SmeReason("EmployeesWithin", employees, maxEmployees)) : (RuleOutcome.NotMet, new SmeReason("EmployeesOverLimit", employees, maxEmployees))
                : (RuleOutcome.Unknown, new SmeReason("EmployeesUnknown", maxEmployees))), Fact.Employees);
        }

        if (rules.MaxCapitalYen is { } maxCapital)
        {
            var (outcome, reason, missing) = (facts.LegalForm, facts.CapitalYen) switch
            {
                (Businesses.LegalForm.SoleProprietor, _) => (RuleOutcome.Met, new SmeReason("CapitalNotApplicable"), (Fact?)null),
                (null, _) => (RuleOutcome.Unknown, new SmeReason("LegalFormUnknown"), Fact.LegalForm),
                (_, null) => (RuleOutcome.Unknown, new SmeReason("CapitalUnknown", maxCapital), Fact.Capital),
                (_, { } capital) when capital <= maxCapital => (RuleOutcome.Met, new SmeReason("CapitalWithin", capital, maxCapital), null),
                (_, { } capital) => (RuleOutcome.NotMet, new SmeReason("CapitalOverLimit", capital, maxCapital), null),
            };
            Add(RuleKind.Capital, outcome, reason, missing);
        }

        if (rules.Prefectures is { Count: > 0 } prefectures)
        {
            AddPair(RuleKind.Prefecture, (facts.PrefectureCode is { } prefecture
                ? prefectures.Contains(prefecture)
                    ? (RuleOutcome.Met, new SmeReason("PrefectureListed", new PrefectureCode(prefecture)))
                    : (RuleOutcome.NotMet, new SmeReason("PrefectureNotListed", new PrefectureCode(prefecture), prefectures.Select(p => new PrefectureCode(p)).ToList()))
                : (RuleOutcome.Unknown, new SmeReason("PrefectureUnknown"))), Fact.Prefecture);
        }

        if (rules.MinYearsSinceFounding is not null || rules.MaxYearsSinceFounding is not null)
        {
            var (outcome, reason) = Founding(facts.FoundedOn, rules.MinYearsSinceFounding, rules.MaxYearsSinceFounding, today);
            Add(RuleKind.YearsSinceFounding, outcome, reason, Fact.FoundedOn);
        }

        if (rules.LegalForms is { Count: > 0 } forms)
        {
            AddPair(RuleKind.LegalForm, (facts.LegalForm is { } form
                ? forms.Contains(form) ? (RuleOutcome.Met, new SmeReason("LegalFormListed", form)) : (RuleOutcome.NotMet, new SmeReason("LegalFormNotListed", form))
                : (RuleOutcome.Unknown, new SmeReason("LegalFormUnknown"))), Fact.LegalForm);
        }

        if (rules.DeemedLarge != DeemedLargeExclusion.NotExcluded)
        {
            var (outcome, reason, missing) = DeemedLargeRule(facts, rules.DeemedLarge == DeemedLargeExclusion.ExcludedWithTaxableIncome);
            Add(RuleKind.DeemedLarge, outcome, reason, missing);
        }

        if (rules.RequiredPurposes is { Count: > 0 } required)
        {
            var matched = facts.Purposes is { Count: > 0 } purposes ? required.Where(purposes.Contains).ToList() : null;
            AddPair(RuleKind.Purpose, matched switch
            {
                null => (RuleOutcome.Unknown, new SmeReason("PurposesUnknown", required.ToList())),
                [] => (RuleOutcome.NotMet, new SmeReason("PurposeNotMatched", required.ToList())),
                _ => (RuleOutcome.Met, new SmeReason("PurposeMatched", matched)),
            }, Fact.Purposes);
        }

        if (rules.ExcludesRecipients)
        {
            if (facts.ReceivedMeasureIds is { } received)
            {
                Add(RuleKind.AlreadyReceived, received.Contains(measureId) ? RuleOutcome.NotMet : RuleOutcome.Met,
                    new SmeReason(received.Contains(measureId) ? "AlreadyReceived" : "NotReceived"));
            }
            else
            {
                // No account, so no grants to look in: the owner checks it themselves.
                results.Add(new RuleResult(RuleKind.AlreadyReceived, RuleOutcome.Unknown, WarnOnly: true, new SmeReason("ReceivedUnknown")));
            }
        }

        return new EligibilityVerdict(VerdictOf(results), results);
    }

    /// <summary>The business's SME class as the public check shows it.</summary>
    public SmeClassification Classify(ApplicantFacts facts) =>
        facts.SizeFacts is { } size ? sme.Classify(size) : new SmeClassification(SmeClass.Undetermined, null, [new SmeReason("Missing", "LegalForm")]);

    /// <summary>A business's SME class from its size facts.</summary>
    public SmeClassification Classify(BusinessFacts facts) => sme.Classify(facts);

    private static Verdict VerdictOf(List<RuleResult> results)
    {
        var hard = results.Where(r => !r.WarnOnly).ToList();
        return hard.Exists(r => r.Outcome == RuleOutcome.NotMet) ? Verdict.NotEligible
            : hard.Exists(r => r.Outcome == RuleOutcome.Unknown) ? Verdict.NeedMoreInformation
            : Verdict.Eligible;
    }

    /// <summary>The size class rule; <c>EmployeeLimit</c> is the employee limit its reason compares the employees with, if it is only that.</summary>
    private (RuleOutcome Outcome, SmeReason Reason, Fact? Missing, int? EmployeeLimit) SizeClass(ApplicantFacts facts, SizeClassTarget target)
    {
        if (facts.SizeFacts is not { } size)
        {
            return (RuleOutcome.Unknown, new SmeReason("LegalFormUnknown"), Fact.LegalForm, null);
        }

        var classification = sme.Classify(size);
        var limits = classification.Rule;
        switch (classification.Class)
        {
            case SmeClass.Undetermined:
                return (RuleOutcome.Unknown, new SmeReason("SizeUnknown"), classification.Missing switch
                {
                    MissingFact.Employees => Fact.Employees,
                    MissingFact.Capital => Fact.Capital,
                    _ => Fact.Industry,
                }, null);
            case SmeClass.Large:
                return size.LegalForm == Businesses.LegalForm.SoleProprietor
                    ? (RuleOutcome.NotMet, new SmeReason("NotSmeByEmployees", size.Employees!.Value, limits!.Employees), null, limits.Employees)
                    : (RuleOutcome.NotMet, new SmeReason("NotSme", size.Employees!.Value, limits!.Employees, size.CapitalYen!.Value, limits.CapitalYen), null, null);
        }

        if (target == SizeClassTarget.SmallScale)
        {
            var limit = limits!.SmallScaleEmployees;
            return size.Employees is not { } employees
                ? (RuleOutcome.Unknown, new SmeReason("SmallScaleUnknown", limit), Fact.Employees, limit)
                : employees <= limit
                    ? (RuleOutcome.Met, new SmeReason("SmallScale", employees, limit), null, limit)
                    : (RuleOutcome.NotMet, new SmeReason("NotSmallScale", employees, limit), null, limit);
        }

        // An SME by either limit; the reason names the one that holds.
        return size.Employees is { } count && count <= limits!.Employees
            ? (RuleOutcome.Met, new SmeReason("SmeByEmployees", count, limits.Employees), null, limits.Employees)
            : (RuleOutcome.Met, new SmeReason("SmeByCapital", size.CapitalYen!.Value, limits!.CapitalYen), null, null);
    }

    /// <summary>Listed if any code covers the business's; not known when the business's code is too coarse to tell.</summary>
    private (RuleOutcome, SmeReason) Industry(IndustryCode? industry, IReadOnlyList<string> codes)
    {
        if (industry is null)
        {
            return (RuleOutcome.Unknown, new SmeReason("IndustryUnknown"));
        }

        var own = new JsicCode(industry.Minor ?? industry.Middle ?? industry.Major);
        var unknown = false;
        foreach (var code in codes)
        {
            var outcome = code.Length switch
            {
                1 => Compare(industry.Major, code),
                2 => industry.Middle is { } middle ? Compare(middle, code) : SameMajor(code),
                _ => industry.Minor is { } minor ? Compare(minor, code)
                    : industry.Middle is { } inMiddle ? (code.StartsWith(inMiddle, StringComparison.Ordinal) ? RuleOutcome.Unknown : RuleOutcome.NotMet)
                    : SameMajor(code),
            };
            if (outcome == RuleOutcome.Met)
            {
                return (RuleOutcome.Met, new SmeReason("IndustryListed", own, new JsicCode(code)));
            }

            unknown |= outcome == RuleOutcome.Unknown;
        }

        return unknown
            ? (RuleOutcome.Unknown, new SmeReason("IndustryNotPrecise", own))
            : (RuleOutcome.NotMet, new SmeReason("IndustryNotListed", own, codes.Select(c => new JsicCode(c)).ToList()));

        static RuleOutcome Compare(string own, string listed) => string.Equals(own, listed, StringComparison.Ordinal) ? RuleOutcome.Met : RuleOutcome.NotMet;
        RuleOutcome SameMajor(string code) => majorOf(code) == industry.Major ? RuleOutcome.Unknown : RuleOutcome.NotMet;
    }

    private static (RuleOutcome, SmeReason) Founding(DateOnly? foundedOn, int? min, int? max, DateOnly today)
    {
        if (foundedOn is not { } founded)
        {
            return (RuleOutcome.Unknown, new SmeReason("FoundedUnknown"));
        }

        var years = Math.Max(0, today.Year - founded.Year - (today < founded.AddYears(today.Year - founded.Year) ? 1 : 0));
        if (min is { } atLeast && today < founded.AddYears(atLeast))
        {
            return (RuleOutcome.NotMet, new SmeReason("FoundedTooRecently", years, atLeast));
        }

        if (max is { } under && today >= founded.AddYears(under))
        {
            return (RuleOutcome.NotMet, new SmeReason("FoundedTooLongAgo", years, under));
        }

        return (RuleOutcome.Met, (min, max) switch
        {
            ({ } a, { } b) => new SmeReason("FoundedBetween", years, a, b),
            ({ } a, null) => new SmeReason("FoundedAtLeast", years, a),
            _ => new SmeReason("FoundedWithin", years, max!.Value),
        });
    }

    private static (RuleOutcome, SmeReason, Fact?) DeemedLargeRule(ApplicantFacts facts, bool withTaxableIncome)
    {
        if (facts.Ownership is { } ownership)
        {
            var test = DeemedLarge.Test(ownership.Shareholders, ownership.Officers, withTaxableIncome, ownership.LastThreeYearsTaxableIncomeYen);
            return test switch
            {
                { IsDeemedLarge: true } => (RuleOutcome.NotMet, new SmeReason("DeemedLarge", test.Reasons[0]), null),
                { Undetermined: true } => (RuleOutcome.Unknown, new SmeReason("TaxableIncomeUnknown"), Fact.TaxableIncome),
                _ => (RuleOutcome.Met, new SmeReason("NotDeemedLarge"), null),
            };
        }

        return (facts.DeclaredDeemedLarge, facts.LegalForm) switch
        {
            (true, _) => (RuleOutcome.NotMet, new SmeReason("DeclaredDeemedLarge"), null),
            (false, _) => (RuleOutcome.Met, new SmeReason("DeclaredNotDeemedLarge"), null),
            (null, Businesses.LegalForm.SoleProprietor) => (RuleOutcome.Met, new SmeReason("SoleProprietorNotDeemedLarge"), null),
            _ => (RuleOutcome.Unknown, new SmeReason("OwnershipUnknown"), Fact.Ownership),
        };
    }
}
