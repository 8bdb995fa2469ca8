namespace SmePlatform.Domain;

/// <summary>Whole yen, as the portal keeps every amount (never floating point).</summary>
public static class Yen
{
    /// <summary>
    /// The largest amount a typed expense line, request, report line or grant may hold: 999,999,999,999円 (just under
    /// 1兆円), far above any support measure's amounts and far below where a sum of many lines could overflow.
    /// </summary>
    public const long Max = 999_999_999_999;

    /// <summary>An amount someone may type: at least 1 yen, at most <see cref="Max"/>.</summary>
    public static bool IsAmount(long? yen) => yen is >= 1 and <= Max;

    /// <summary>A sum of amounts that cannot overflow: past the largest <see cref="long"/> it stays there.</summary>
    public static long Sum(IEnumerable<long> amounts)
    {
        Int128 total = 0;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total > long.MaxValue ? long.MaxValue : total < long.MinValue ? long.MinValue : (long)total;
    }
}
