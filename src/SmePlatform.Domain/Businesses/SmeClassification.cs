using System.Globalization;

namespace SmePlatform.Domain.Businesses;

public enum LegalForm
{
    Corporation,
    SoleProprietor,
}

/// <summary>Small-scale businesses are SMEs too; "undetermined" names the missing fact.</summary>
public enum SmeClass
{
    SmallScale,
    Sme,
    Large,
    Undetermined,
}

/// <summary>A fact the classification needed and did not have.</summary>
public enum MissingFact
{
    Industry,
    IndustryMiddle,
    IndustryMinor,
    /// <summary>Within a minor category the rule depends on the product (tyres for cars or aircraft, industrial belts).</summary>
    IndustryDetail,
    Employees,
    Capital,
}

/// <summary>A business's industry as JSIC codes: major letter, middle two digits, minor three digits.</summary>
public sealed record IndustryCode(string Major, string? Middle = null, string? Minor = null)
{
    /// <summary>The code of a profile's three columns, or null when no major group is registered.</summary>
    public static IndustryCode? Of(string? major, string? middle, string? minor) => major is null ? null : new IndustryCode(major, middle, minor);
}

/// <summary>The facts the SME definition reads.</summary>
public sealed record BusinessFacts(LegalForm LegalForm, IndustryCode? Industry, long? CapitalYen, int? Employees);

/// <summary>The limits of one industry rule of the SME definition.</summary>
public sealed record SmeLimits(string Name, long CapitalYen, int Employees, int SmallScaleEmployees);

/// <summary>One reason of a verdict: a stable key and its values, put into words by the caller's language.</summary>
public sealed record SmeReason(string Key, params object[] Values)
{
    public override string ToString() => $"{Key}({string.Join(", ", Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))})";
}

public sealed record SmeClassification(SmeClass Class, SmeLimits? Rule, IReadOnlyList<SmeReason> Reasons, MissingFact? Missing = null)
{
    public bool IsSme => Class is SmeClass.Sme or SmeClass.SmallScale;
}

/// <summary>
/// The SME definition (中小企業基本法 第2条, DOMAIN.md §2) over data: industry rules with their capital, employee and
/// small-scale limits, which JSIC codes each applies to (the most specific code wins), and the middle categories
/// of each major. A company is an SME when it meets either limit of its rule; a sole proprietor is judged on
/// employees only. When the code is not precise enough and the possible rules disagree, the verdict is
/// undetermined and names the missing fact; when they agree, it stands.
/// </summary>
public sealed class SmeDefinition
{
    private readonly Dictionary<string, SmeLimits> _rules;
    private readonly Dictionary<string, Assignment> _assignments;
    private readonly Dictionary<string, (int From, int To)> _middleRanges;
    private readonly SmeLimits _default;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IndustryCode, (IReadOnlyList<SmeLimits> Rules, MissingFact? Missing)> _candidates = new();

    public SmeDefinition(
        IEnumerable<SmeLimits> rules, string defaultRule, IEnumerable<(IReadOnlyList<string> Codes, IReadOnlyList<string> Rules, string? Detail)> assignments,
        IReadOnlyDictionary<string, (string From, string To)> middleRanges)
    {
        _rules = rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _default = _rules[defaultRule];
        _assignments = new Dictionary<string, Assignment>(StringComparer.Ordinal);
        foreach (var (codes, ruleNames, detail) in assignments)
        {
            var assignment = new Assignment([.. ruleNames.Select(name => _rules[name])], detail);
            foreach (var code in codes)
            {
                _assignments.Add(code, assignment);
            }
        }

        _middleRanges = middleRanges.ToDictionary(
            p => p.Key, p => (int.Parse(p.Value.From, CultureInfo.InvariantCulture), int.Parse(p.Value.To, CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }

    public SmeLimits Rule(string name) => _rules[name];

    public SmeClassification Classify(BusinessFacts facts)
    {
        if (facts.Industry is not { } industry || !_middleRanges.ContainsKey(industry.Major))
        {
            return new SmeClassification(SmeClass.Undetermined, null, [new SmeReason("IndustryMissing")], MissingFact.Industry);
        }

        var (candidates, missing) = Candidates(industry);
        var verdicts = candidates.Select(rule => ClassifyUnder(rule, facts)).ToList();
        if (verdicts.Count == 1 || verdicts.All(v => v.Class == verdicts[0].Class && v.Missing == verdicts[0].Missing))
        {
            return verdicts[0];
        }

        // The possible rules disagree: the industry must be told more precisely (for a minor category that is
        // only partly covered by an exception, the assignment names the product that decides).
        var detail = industry.Minor is { } minor ? Resolve(industry.Major, industry.Middle, minor).Detail : null;
        return new SmeClassification(SmeClass.Undetermined, null, [new SmeReason("IndustryNotPrecise", missing!.Value.ToString(), detail ?? "")], missing);
    }

    /// <summary>The rules the code could fall under, and the fact that would choose among them when there are several.</summary>
    /// <remarks>Worked out once per code and kept: the nightly integrity scan classifies every claiming business.</remarks>
    public (IReadOnlyList<SmeLimits> Rules, MissingFact? Missing) Candidates(IndustryCode code) => _candidates.GetOrAdd(code, FindCandidates);

    private (IReadOnlyList<SmeLimits> Rules, MissingFact? Missing) FindCandidates(IndustryCode code)
    {
        if (code.Middle is null)
        {
            var (from, to) = _middleRanges[code.Major];
            var atMajor = Resolve(code.Major, null, null).Rules;
            var within = _assignments
                .Where(a => a.Key.Length >= 2 && int.TryParse(a.Key[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var middle) && middle >= from && middle <= to)
                .SelectMany(a => a.Value.Rules);
            return Distinct(atMajor.Concat(within), MissingFact.IndustryMiddle);
        }

        if (code.Minor is null)
        {
            var atMiddle = Resolve(code.Major, code.Middle, null).Rules;
            var minors = _assignments.Where(a => a.Key.Length == 3 && a.Key.StartsWith(code.Middle, StringComparison.Ordinal)).SelectMany(a => a.Value.Rules);
            return Distinct(atMiddle.Concat(minors), MissingFact.IndustryMinor);
        }

        return Distinct(Resolve(code.Major, code.Middle, code.Minor).Rules, MissingFact.IndustryDetail);
    }

    private Assignment Resolve(string major, string? middle, string? minor) =>
        (minor is not null ? _assignments.GetValueOrDefault(minor) : null)
        ?? (middle is not null ? _assignments.GetValueOrDefault(middle) : null)
        ?? _assignments.GetValueOrDefault(major)
        ?? new Assignment([_default], null);

    private static (IReadOnlyList<SmeLimits>, MissingFact?) Distinct(IEnumerable<SmeLimits> rules, MissingFact missing)
    {
        var distinct = rules.Distinct().ToList();
        return (distinct, distinct.Count > 1 ? missing : null);
    }

    /// <summary>The verdict under one rule.</summary>
    public static SmeClassification ClassifyUnder(SmeLimits rule, BusinessFacts facts)
    {
        var reasons = new List<SmeReason> { new("Rule", rule.Name) };
        var employeesWithin = facts.Employees is { } employees ? employees <= rule.Employees : (bool?)null;
        var capitalWithin = facts.LegalForm == LegalForm.Corporation && facts.CapitalYen is { } capital ? capital <= rule.CapitalYen : (bool?)null;

        bool? sme;
        MissingFact? missing = null;
        if (employeesWithin == true)
        {
            reasons.Add(new("EmployeesWithin", facts.Employees!.Value, rule.Employees));
            sme = true;
        }
        else if (capitalWithin == true)
        {
            reasons.Add(new("CapitalWithin", facts.CapitalYen!.Value, rule.CapitalYen));
            sme = true;
        }
        else if (facts.LegalForm == LegalForm.SoleProprietor)
        {
            // A sole proprietor has no capital in this sense: employees alone decide.
            if (employeesWithin == false)
            {
                reasons.Add(new("EmployeesOver", facts.Employees!.Value, rule.Employees));
                reasons.Add(new("SoleProprietorOnEmployees"));
            }

            sme = employeesWithin;
            missing = employeesWithin is null ? MissingFact.Employees : null;
        }
        else
        {
            if (employeesWithin == false)
            {
                reasons.Add(new("EmployeesOver", facts.Employees!.Value, rule.Employees));
            }

            if (capitalWithin == false)
            {
                reasons.Add(new("CapitalOver", facts.CapitalYen!.Value, rule.CapitalYen));
            }

            // Either limit is enough, so a verdict of "large" needs both facts.
            sme = employeesWithin == false && capitalWithin == false ? false : null;
            missing = sme is null ? (employeesWithin is null ? MissingFact.Employees : MissingFact.Capital) : null;
        }

        if (sme is null)
        {
            reasons.Add(new("Missing", missing!.Value.ToString()));
            return new SmeClassification(SmeClass.Undetermined, rule, reasons, missing);
        }

        if (sme == false)
        {
            return new SmeClassification(SmeClass.Large, rule, reasons);
        }

        if (facts.Employees is { } count && count <= rule.SmallScaleEmployees)
        {
            reasons.Add(new("SmallScaleWithin", count, rule.SmallScaleEmployees));
            return new SmeClassification(SmeClass.SmallScale, rule, reasons);
        }

        return new SmeClassification(SmeClass.Sme, rule, reasons);
    }

    private sealed record Assignment(IReadOnlyList<SmeLimits> Rules, string? Detail);
}
