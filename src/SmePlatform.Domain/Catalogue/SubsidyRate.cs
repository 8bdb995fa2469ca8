namespace SmePlatform.Domain.Catalogue;

/// <summary>
/// A subsidy rate as a fraction (2/3, 1/2). Valid when 0 &lt; numerator ≤ denominator, so the rate is in (0, 1].
/// Amounts are whole yen and a subsidy is rounded down to the yen.
/// </summary>
public readonly record struct SubsidyRate
{
    public SubsidyRate(int numerator, int denominator)
    {
        if (!IsValid(numerator, denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), $"{numerator}/{denominator} is not a rate in (0, 1].");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }

    public int Denominator { get; }

    public static bool IsValid(int numerator, int denominator) => denominator > 0 && numerator > 0 && numerator <= denominator;

    /// <summary>The subsidy on an eligible cost, rounded down to the yen (no floating point).</summary>
    public long Of(long eligibleCostYen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleCostYen);
        return (long)((Int128)eligibleCostYen * Numerator / Denominator);
    }

    /// <summary>The usual Japanese way of writing it: 「2/3以内」.</summary>
    public string ToJapaneseText() => $"{Numerator}/{Denominator}以内";

    public override string ToString() => $"{Numerator}/{Denominator}";
}
