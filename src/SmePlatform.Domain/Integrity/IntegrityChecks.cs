using System.Globalization;
using System.Text;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Text;

namespace SmePlatform.Domain.Integrity;

/// <summary>The automatic integrity checks (自動チェック: 二重受給・大企業化等), each a rule of its own.</summary>
public enum IntegrityRule
{
    /// <summary>二重受給: the same business claims the same cost under another application whose period overlaps.</summary>
    DoubleReceipt,

    /// <summary>The same invoice (issuer's registration number and invoice number) claimed by two businesses.</summary>
    SharedInvoice,

    /// <summary>大企業化: the business no longer meets the SME definition of its industry group.</summary>
    BecameLargeEnterprise,

    /// <summary>みなし大企業 (DOMAIN.md §3), with the measure's choice about the taxable-income rule.</summary>
    DeemedLargeEnterprise,

    /// <summary>Businesses sharing a representative and an address whose combined size would exceed the limits.</summary>
    SplitToStaySmall,
}

/// <summary>How much a finding weighs: a warning may well be honest and asks a look; high asks a decision.</summary>
public enum FlagSeverity
{
    Warning,
    High,
}

/// <summary>One expense line as claimed: planned (with its quote number) or actual (with its invoice number).</summary>
/// <param name="Position">Its position in its application.</param>
/// <param name="Category">The expense category.</param>
/// <param name="Vendor">Who sells it, as typed.</param>
/// <param name="InvoiceRegistrationNumber">The vendor's qualified-invoice registration number (T and 13 digits), if given.</param>
/// <param name="InvoiceNumber">The invoice's (or quote's) own number, if given.</param>
/// <param name="AmountYen">The amount, whole yen.</param>
public sealed record ClaimLine(int Position, string Category, string Vendor, string? InvoiceRegistrationNumber, string? InvoiceNumber, long AmountYen)
{
    // Read-only (no `with`): the keys below are worked out from these once, when the line is made.
    public int Position { get; } = Position;
    public string Category { get; } = Category;
    public string Vendor { get; } = Vendor;
    public string? InvoiceRegistrationNumber { get; } = InvoiceRegistrationNumber;
    public string? InvoiceNumber { get; } = InvoiceNumber;
    public long AmountYen { get; } = AmountYen;

    /// <summary>The invoice this line names, normalized (registration number and invoice number), or null when it names none.</summary>
    /// <remarks>Both keys are worked out once, when the line is made: the checks compare every line with many others.</remarks>
    public string? InvoiceKey { get; } = KeyOf(InvoiceRegistrationNumber, InvoiceNumber);

    /// <summary>Vendor, category and amount, folded: the same purchase written twice by the same hand.</summary>
    public string PurchaseKey { get; } = string.Create(CultureInfo.InvariantCulture, $"{Fold(Vendor)}/{Fold(Category)}/{AmountYen}");

    /// <summary>
    /// The invoice named by an issuer's registration number and an invoice number as typed: <c>T1234567890123/ABC001</c>,
    /// or null when either is missing. Kept beside every stored line, so the database finds the lines naming an invoice.
    /// </summary>
    public static string? KeyOf(string? invoiceRegistrationNumber, string? invoiceNumber) =>
        Applications.InvoiceRegistrationNumber.Normalize(invoiceRegistrationNumber) is { } issuer && Fold(invoiceNumber) is { Length: > 0 } number
            ? $"{issuer}/{number}"
            : null;

    /// <summary>NFKC, upper case, without spaces or hyphens: 「ＡＢＣ－００１」 and "abc 001" are the same number.</summary>
    internal static string Fold(string? text) => JapaneseInput.Digits(text).ToUpperInvariant();
}

/// <summary>An application's claim: its business, its project period and its expense lines.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="BusinessId">Its business.</param>
/// <param name="Number">Its application number, once submitted.</param>
/// <param name="Start">The project's first day.</param>
/// <param name="End">The project's last day.</param>
/// <param name="Lines">The expense lines it claims.</param>
public sealed record Claim(int ApplicationId, int BusinessId, string? Number, DateOnly? Start, DateOnly? End, IReadOnlyList<ClaimLine> Lines)
{
    /// <summary>Whether both periods are known and share at least one day.</summary>
    public bool Overlaps(Claim other) => Start <= other.End && other.Start <= End;
}

/// <summary>Why two lines were matched.</summary>
public enum LineMatchKind
{
    /// <summary>The same issuer's registration number and the same invoice number.</summary>
    SameInvoice,

    /// <summary>The same vendor, category and amount.</summary>
    SamePurchase,
}

/// <summary>A line of the application checked and the line of the other application it matches.</summary>
public sealed record LineMatch(int Position, int OtherPosition, LineMatchKind Kind);

/// <summary>A business, as the split-to-stay-small check sees it.</summary>
/// <param name="BusinessId">The business.</param>
/// <param name="Representative">Its representative's name, as registered.</param>
/// <param name="Address">Its address (prefecture, city, street), as registered.</param>
/// <param name="Employees">Its regular employees.</param>
/// <param name="CapitalYen">Its capital, whole yen.</param>
public sealed record SizedBusiness(int BusinessId, string? Representative, string? Address, int? Employees, long? CapitalYen)
{
    // Read-only (no `with`): the key below is worked out from these once, when the business is read.
    public int BusinessId { get; } = BusinessId;
    public string? Representative { get; } = Representative;
    public string? Address { get; } = Address;
    public int? Employees { get; } = Employees;
    public long? CapitalYen { get; } = CapitalYen;

    /// <summary>Representative and address folded, or null when either is missing: the businesses that may be one (worked out once).</summary>
    public string? SharedKey { get; } =
        ClaimLine.Fold(Representative) is { Length: > 0 } who && ClaimLine.Fold(Address) is { Length: > 0 } where ? $"{who}@{where}" : null;
}

/// <summary>
/// What a check found: the rule, its severity, an explanation (a resource key with its values, so each reader gets it
/// in their own language), and the evidence — the other application with the matching lines, or the other businesses.
/// </summary>
public sealed record Finding(
    IntegrityRule Rule, FlagSeverity Severity, string Explanation, IReadOnlyList<object> Values, int? OtherApplicationId = null,
    IReadOnlyList<LineMatch>? Lines = null, IReadOnlyList<int>? OtherBusinessIds = null)
{
    /// <summary>Whether the evidence involves another business (shown to staff only, never to the applicant).</summary>
    public bool InvolvesOtherBusiness => Rule is IntegrityRule.SharedInvoice or IntegrityRule.SplitToStaySmall;

    /// <summary>The same finding found again (at the next scan) has the same fingerprint: a flag is raised once.</summary>
    public string Fingerprint
    {
        get
        {
            var text = new StringBuilder(Rule.ToString());
            text.Append(CultureInfo.InvariantCulture, $":{OtherApplicationId}");
            foreach (var line in Lines ?? [])
            {
                text.Append(CultureInfo.InvariantCulture, $":{line.Position}-{line.OtherPosition}{line.Kind}");
            }

            foreach (var business in (OtherBusinessIds ?? []).Order())
            {
                text.Append(CultureInfo.InvariantCulture, $":b{business}");
            }

            return text.ToString();
        }
    }
}

/// <summary>
/// The checks, each pure: given the application (and the candidates the caller found through its indexes — the same
/// business's other claims, the claims naming the same invoice, the businesses sharing a representative and address),
/// what holds, with why. Most findings are honest mistakes: the explanation says exactly what matched.
/// </summary>
public static class IntegrityChecks
{
    /// <summary>
    /// 二重受給: another claim of the same business whose project period overlaps and whose lines match one of these
    /// — the same invoice (high), or the same vendor, category and amount (a warning: it may be a second purchase).
    /// </summary>
    public static IEnumerable<Finding> DoubleReceipt(Claim claim, IEnumerable<Claim> sameBusiness)
    {
        foreach (var other in sameBusiness.Where(o => o.ApplicationId != claim.ApplicationId && o.BusinessId == claim.BusinessId && claim.Overlaps(o)))
        {
            var matches = Matches(claim.Lines, other.Lines).ToList();
            if (matches.Count > 0)
            {
                var severity = matches.Exists(m => m.Kind == LineMatchKind.SameInvoice) ? FlagSeverity.High : FlagSeverity.Warning;
                yield return new Finding(
                    IntegrityRule.DoubleReceipt, severity, "Integrity.DoubleReceipt", [other.Number ?? "", other.Start!.Value, other.End!.Value, matches.Count], other.ApplicationId, matches);
            }
        }
    }

    /// <summary>The same invoice claimed by another business (whatever the periods): one finding per other application.</summary>
    public static IEnumerable<Finding> SharedInvoice(Claim claim, IEnumerable<Claim> namingTheSameInvoices)
    {
        var mine = claim.Lines.Where(l => l.InvoiceKey is not null).ToLookup(l => l.InvoiceKey!, StringComparer.Ordinal);
        foreach (var other in namingTheSameInvoices.Where(o => o.BusinessId != claim.BusinessId))
        {
            var matches = other.Lines.Where(l => l.InvoiceKey is { } key && mine.Contains(key))
                .SelectMany(l => mine[l.InvoiceKey!].Select(m => new LineMatch(m.Position, l.Position, LineMatchKind.SameInvoice)))
                .ToList();
            if (matches.Count > 0)
            {
                yield return new Finding(
                    IntegrityRule.SharedInvoice, FlagSeverity.High, "Integrity.SharedInvoice", [other.Number ?? "", matches.Count], other.ApplicationId, matches, [other.BusinessId]);
            }
        }
    }

    /// <summary>大企業化: on these figures the business is no longer an SME of its industry group (both limits exceeded).</summary>
    /// <param name="facts">The business's figures.</param>
    /// <param name="verdict">The SME definition's verdict on them.</param>
    public static Finding? BecameLarge(BusinessFacts facts, SmeClassification verdict) =>
        verdict is { Class: SmeClass.Large, Rule: { } rule }
            ? new Finding(IntegrityRule.BecameLargeEnterprise, FlagSeverity.High, "Integrity.BecameLarge", [rule.Name, facts.Employees ?? 0, rule.Employees, facts.CapitalYen ?? 0, rule.CapitalYen])
            : null;

    /// <summary>みなし大企業, as the measure asks it (with or without the taxable-income rule): each rule that holds is a value (its <see cref="SmeReason"/>).</summary>
    public static Finding? DeemedLarge(DeemedLargeVerdict verdict) =>
        verdict.IsDeemedLarge
            ? new Finding(IntegrityRule.DeemedLargeEnterprise, FlagSeverity.High, "Integrity.DeemedLarge", [.. verdict.Reasons])
            : null;

    /// <summary>
    /// Businesses sharing the representative and the address of this one whose combined employees or combined capital
    /// exceed the limits of this business's industry group (each may be within them on its own: that is the point).
    /// </summary>
    public static Finding? SplitToStaySmall(SizedBusiness business, SmeLimits limits, IEnumerable<SizedBusiness> sharingItsKey)
    {
        if (business.SharedKey is not { } key)
        {
            return null;
        }

        var group = sharingItsKey.Where(b => b.BusinessId != business.BusinessId && b.SharedKey == key).DistinctBy(b => b.BusinessId).ToList();
        if (group.Count == 0)
        {
            return null;
        }

        var employees = (business.Employees ?? 0) + group.Sum(b => b.Employees ?? 0);
        var capital = (business.CapitalYen ?? 0) + group.Sum(b => b.CapitalYen ?? 0);
        return employees > limits.Employees || capital > limits.CapitalYen
            ? new Finding(
                IntegrityRule.SplitToStaySmall, FlagSeverity.Warning, "Integrity.SplitToStaySmall", [group.Count + 1, employees, limits.Employees, capital, limits.CapitalYen],
                OtherBusinessIds: [.. group.Select(b => b.BusinessId)])
            : null;
    }

    /// <summary>Pairs of lines that match, each line of <paramref name="lines"/> with the first line of <paramref name="others"/> it matches.</summary>
    private static IEnumerable<LineMatch> Matches(IReadOnlyList<ClaimLine> lines, IReadOnlyList<ClaimLine> others)
    {
        foreach (var line in lines)
        {
            var invoice = line.InvoiceKey;
            if (invoice is not null && others.FirstOrDefault(o => o.InvoiceKey == invoice) is { } sameInvoice)
            {
                yield return new LineMatch(line.Position, sameInvoice.Position, LineMatchKind.SameInvoice);
            }
            else if (others.FirstOrDefault(o => o.PurchaseKey == line.PurchaseKey) is { } samePurchase)
            {
                yield return new LineMatch(line.Position, samePurchase.Position, LineMatchKind.SamePurchase);
            }
        }
    }
}
