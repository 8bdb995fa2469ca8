using System.Text;

namespace SmePlatform.Domain.Businesses;

public enum CorporateNumberProblem
{
    None,
    Empty,
    NotThirteenDigits,
    WrongCheckDigit,
}

/// <summary>
/// The 13-digit corporate number (法人番号), DOMAIN.md §4. The leftmost digit is the check digit:
/// CD = 9 − ((Σ Pₙ × Qₙ) mod 9) over the 12-digit base counted from the right, Qₙ = 1 for odd n, 2 for even n.
/// People type it with full-width digits, hyphens of every kind, the long-vowel mark and spaces.
/// </summary>
public static class CorporateNumber
{
    // After NFKC: ASCII hyphen-minus (full-width ones fold to it), hyphens and dashes, the minus sign, the
    // long-vowel mark ー (half-width ｰ folds to it), and the horizontal bar.
    private const string Separators = "-‐‑‒–—―−ー";

    /// <summary>What was typed, folded (NFKC) and without separators or spaces; not yet checked.</summary>
    public static string Normalize(string? typed)
    {
        var folded = (typed ?? "").Normalize(NormalizationForm.FormKC);
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c) && !Separators.Contains(c)));
    }

    /// <summary>Checks a typed number; on success <paramref name="number"/> holds its 13 digits.</summary>
    public static CorporateNumberProblem Check(string? typed, out string number)
    {
        number = Normalize(typed);
        if (number.Length == 0)
        {
            return CorporateNumberProblem.Empty;
        }

        if (number.Length != 13 || !number.All(char.IsAsciiDigit))
        {
            return CorporateNumberProblem.NotThirteenDigits;
        }

        return number[0] - '0' == CheckDigit(number[1..]) ? CorporateNumberProblem.None : CorporateNumberProblem.WrongCheckDigit;
    }

    public static bool IsValid(string? typed) => Check(typed, out _) == CorporateNumberProblem.None;

    /// <summary>The check digit (1-9) of a 12-digit base.</summary>
    public static int CheckDigit(string twelveDigits)
    {
        if (twelveDigits.Length != 12 || !twelveDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("The base of a corporate number is 12 digits.", nameof(twelveDigits));
        }

        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            var digit = twelveDigits[12 - n] - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }

        return 9 - (sum % 9);
    }
}
