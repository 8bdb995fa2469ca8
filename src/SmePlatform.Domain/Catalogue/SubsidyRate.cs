using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmePlatform.Domain.Catalogue;

/// <summary>
/// A subsidy rate as a fraction (2/3, 1/2). Valid when 0 &lt; numerator ≤ denominator, so the rate is in (0, 1].
/// Amounts are whole yen and a subsidy is rounded down to the yen.
/// </summary>
public readonly partial record struct SubsidyRate
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

    /// <summary>The higher of two rates (either may be missing).</summary>
    public static SubsidyRate? Higher(SubsidyRate? a, SubsidyRate? b) => (a, b) switch
    {
        ({ } x, { } y) => (long)x.Numerator * y.Denominator >= (long)y.Numerator * x.Denominator ? x : y,
        ({ } x, null) => x,
        _ => b,
    };

    /// <summary>The usual Japanese way of writing it: 「2/3以内」.</summary>
    public string ToJapaneseText() => $"{Numerator}/{Denominator}以内";

    public override string ToString() => $"{Numerator}/{Denominator}";

    /// <summary>
    /// Reads the one rate a text states: 「2/3以内」, 「２／３」, 「10/10」, 「50%」, 「定率 3分の2」. Null when no rate in
    /// (0, 1] can be read (「定額」), and when the text states more than one (「1/2以内（小規模事業者は2/3）」): such terms
    /// depend on conditions and are written as rows of <see cref="SubsidyTerms"/>, never guessed from their first fraction.
    /// </summary>
    public static SubsidyRate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var matches = RatePattern().Matches(folded);
        if (matches.Count != 1)
        {
            return null;
        }

        var match = matches[0];

        int numerator, denominator;
        if (match.Groups["percent"].Success)
        {
            (numerator, denominator) = (Number(match.Groups["percent"].Value), 100);
        }
        else if (match.Groups["bun"].Success)
        {
            (numerator, denominator) = (Number(match.Groups["bunNum"].Value), Number(match.Groups["bun"].Value));
        }
        else
        {
            (numerator, denominator) = (Number(match.Groups["num"].Value), Number(match.Groups["den"].Value));
        }

        if (!IsValid(numerator, denominator))
        {
            return null;
        }

        var divisor = Gcd(numerator, denominator);
        return new SubsidyRate(numerator / divisor, denominator / divisor);
    }

    /// <summary>
    /// Reads a rate typed on its own, as an administrator types it into the terms: 「2/3」, 「２／３以内」, 「50%」, 「3分の2」,
    /// and nothing else around it (「-2/3」 and 「1/2/3」 are no rate). Null otherwise.
    /// </summary>
    public static SubsidyRate? ParseExact(string? text) =>
        text is not null && ExactPattern().IsMatch(text.Normalize(NormalizationForm.FormKC).Trim()) ? Parse(text) : null;

    private static int Number(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    // A rate is never part of a longer figure: no digit, sign or slash right before it or digit or slash right after.
    [GeneratedRegex(@"(?<![\d/\-−])(?:(?<num>\d{1,4})\s*/\s*(?<den>\d{1,4})(?![\d/])|(?<percent>\d{1,3})\s*%|(?<bun>\d{1,4})\s*分の\s*(?<bunNum>\d{1,4})(?!\d))")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(?:\d{1,4}\s*/\s*\d{1,4}|\d{1,3}\s*%|\d{1,4}\s*分の\s*\d{1,4})\s*(?:以内)?$")]
    private static partial Regex ExactPattern();
}
