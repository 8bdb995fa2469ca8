namespace SmePlatform.Domain.Text;

/// <summary>
/// The plural category of a count in a language, after the Unicode CLDR plural rules (cardinal): English says
/// "1 measure" but "0 measures", "2 measures" and "1.0 measures"; Japanese has one form for every count. The
/// category names are CLDR's ("one", "other"); a message's form for a category is its key and the category
/// (<c>Catalogue.ResultCount.one</c>), and the key alone is the "other" form.
/// </summary>
public static class PluralRules
{
    public const string One = "one";
    public const string Other = "other";

    /// <summary>
    /// The category of <paramref name="count"/> in <paramref name="language"/> (a two-letter code). A decimal keeps
    /// the digits it was written with, as CLDR counts them: <c>1m</c> is "one" in English, <c>1.0m</c> is "other".
    /// Languages other than English get "other" (Japanese has no plural forms).
    /// </summary>
    public static string Category(string language, decimal count) => language switch
    {
        // English: one when the integer digits are 1 and there are no visible fraction digits (i = 1 and v = 0).
        "en" when count == 1 && count.Scale == 0 => One,
        _ => Other,
    };
}
