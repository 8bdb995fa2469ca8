namespace SmePlatform.Domain.Businesses;

/// <summary>One holder of the business's shares or capital.</summary>
/// <param name="SharePercent">Its share, 0-100, to two decimals.</param>
/// <param name="IsLargeEnterprise">The holder is a large enterprise (not an SME).</param>
/// <param name="IsDeemedLarge">The holder is itself deemed large (meets rules 1-3 of the test).</param>
public sealed record Shareholder(decimal SharePercent, bool IsLargeEnterprise, bool IsDeemedLarge = false);

/// <summary>One officer (役員) of the business.</summary>
/// <param name="AtLargeEnterprise">Also an officer or employee of a large enterprise.</param>
/// <param name="AtDeemedLargeFirm">Also an officer or employee of a firm that is deemed large (rules 1-3).</param>
public sealed record Officer(bool AtLargeEnterprise, bool AtDeemedLargeFirm = false);

public sealed record DeemedLargeVerdict(bool IsDeemedLarge, bool Undetermined, IReadOnlyList<SmeReason> Reasons);

/// <summary>
/// The deemed-large test (みなし大企業, DOMAIN.md §3) as the common guidelines write it. Each rule that holds is a
/// reason; the taxable-income rule (6) runs only when the measure switches it on, and needs three years.
/// </summary>
public static class DeemedLarge
{
    public const long TaxableIncomeLimitYen = 1_500_000_000;

    public static DeemedLargeVerdict Test(
        IReadOnlyList<Shareholder> shareholders, IReadOnlyList<Officer> officers,
        bool withTaxableIncomeRule = false, IReadOnlyList<long>? lastThreeYearsTaxableIncomeYen = null)
    {
        var reasons = new List<SmeReason>();

        // 1. One large enterprise holds half or more.
        if (shareholders.FirstOrDefault(s => s.IsLargeEnterprise && s.SharePercent >= 50m) is { } single)
        {
            reasons.Add(new("OneLargeHoldsHalf", single.SharePercent));
        }

        // 2. Large enterprises together hold two thirds or more (compared exactly: 3 × total ≥ 200).
        var largeTotal = shareholders.Where(s => s.IsLargeEnterprise).Sum(s => s.SharePercent);
        if (largeTotal * 3 >= 200m)
        {
            reasons.Add(new("LargeHoldTwoThirds", largeTotal));
        }

        // 3. Half or more of the officers are officers or employees of a large enterprise.
        var fromLarge = officers.Count(o => o.AtLargeEnterprise);
        if (officers.Count > 0 && fromLarge * 2 >= officers.Count)
        {
            reasons.Add(new("HalfOfficersFromLarge", fromLarge, officers.Count));
        }

        // 4. All shares are held by one firm that is itself deemed large.
        if (shareholders.Any(s => s.IsDeemedLarge && s.SharePercent >= 100m))
        {
            reasons.Add(new("WhollyOwnedByDeemedLarge"));
        }

        // 5. All officers are officers or employees of a firm that is deemed large.
        if (officers.Count > 0 && officers.All(o => o.AtDeemedLargeFirm))
        {
            reasons.Add(new("AllOfficersFromDeemedLarge", officers.Count));
        }

        var undetermined = false;
        if (withTaxableIncomeRule)
        {
            // 6. Average taxable income of the last three years over ¥1.5 billion (only when the measure says so).
            if (lastThreeYearsTaxableIncomeYen is { Count: 3 } years)
            {
                var total = years.Sum();
                if (total > TaxableIncomeLimitYen * 3)
                {
                    reasons.Add(new("TaxableIncomeOver", total / 3, TaxableIncomeLimitYen));
                }
            }
            else if (reasons.Count == 0)
            {
                undetermined = true;
                reasons.Add(new("TaxableIncomeMissing"));
            }
        }

        var deemed = reasons.Count > 0 && !undetermined;
        if (!deemed && !undetermined)
        {
            reasons.Add(new("NotDeemedLarge"));
        }

        return new DeemedLargeVerdict(deemed, undetermined, reasons);
    }
}
