using SmePlatform.Domain.Text;

namespace SmePlatform.Domain.Applications;

/// <summary>
/// The qualified-invoice issuer registration number (適格請求書発行事業者登録番号, DOMAIN.md §4): "T" and 13 digits,
/// typed as people type it (full-width, lower-case t, hyphens, spaces). For a corporation the digits are its
/// corporate number; a sole proprietor's are another number whose check-digit rule DOMAIN.md does not confirm,
/// so only the form is checked here, never a check digit that could refuse a real number.
/// </summary>
public static class InvoiceRegistrationNumber
{
    /// <summary>The number as stored (<c>T1234567890123</c>), or null when it is not one.</summary>
    public static string? Normalize(string? typed)
    {
        var folded = JapaneseInput.Digits(typed).ToUpperInvariant();
        return folded.Length == 14 && folded[0] == 'T' && folded.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0 ? folded : null;
    }
}
