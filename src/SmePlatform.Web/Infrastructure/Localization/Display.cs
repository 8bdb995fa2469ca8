using System.Globalization;
using PhoneNumbers;
using SmePlatform.Domain.Time;

namespace SmePlatform.Web.Infrastructure.Localization;

/// <summary>
/// How the portal writes money, dates and times for the current UI culture: yen as whole numbers,
/// instants in Japan time, and the Japanese era beside the Western year on Japanese pages.
/// </summary>
public static class Display
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    private static bool Japanese => Cultures.IsJapanese(Culture);

    public static string Yen(long amount) =>
        Japanese
            ? amount.ToString("#,0", CultureInfo.InvariantCulture) + "円"
            : "¥" + amount.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whole yen as people write them in a field, grouped by thousands without the unit (the field's label says yen):
    /// 9,000,000, the same in both languages. What a form fills in for the person to correct; a yen field takes it back.
    /// </summary>
    public static string YenInField(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A number with its decimals as stored, grouped by thousands: 1,234.5, 3.5, 12 (the same in both languages).</summary>
    public static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    /// <summary>2026年（令和8年）11月27日 / 27 November 2026.</summary>
    public static string Date(DateOnly date)
    {
        if (!Japanese)
        {
            return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }

        var era = JapaneseEraYear.Of(date);
        var year = era is null ? $"{date.Year}年" : $"{date.Year}年（{era.Value.ToJapanese()}）";
        return $"{year}{date.Month}月{date.Day}日";
    }

    /// <summary>An instant in Japan time: 2026年（令和8年）11月27日 17:00 / 27 November 2026, 17:00 JST.</summary>
    public static string DateTime(DateTime utcInstant)
    {
        var japan = JapanTime.FromUtc(utcInstant);
        var time = japan.ToString("HH:mm", CultureInfo.InvariantCulture);
        var date = Date(DateOnly.FromDateTime(japan));
        return Japanese ? $"{date} {time}" : $"{date}, {time} JST";
    }

    /// <summary>
    /// A Japanese phone number as people write it, the area code apart: 06-1234-5678, 0465-12-3456, 090-1234-5678,
    /// 0120-123-456. Area codes are 2-5 digits, so where the hyphens go depends on the number: libphonenumber's national
    /// format knows (docs/adr/0012-phone-numbers.md). A number it cannot read is shown as stored.
    /// </summary>
    public static string Phone(string number)
    {
        try
        {
            var parsed = Phones.Parse(number, "JP");
            return Phones.IsPossibleNumber(parsed) ? Phones.Format(parsed, PhoneNumberFormat.NATIONAL) : number;
        }
        catch (NumberParseException)
        {
            return number;
        }
    }

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A message's arguments as a person reads them: amounts in yen, instants in Japan time, dates with their era, texts kept in both languages in the page's, the rest as they are.</summary>
    public static object[] Arguments(IEnumerable<object> values) =>
        [.. values.Select(value => value switch { long yen => Yen(yen), System.DateTime at => DateTime(at), DateOnly day => Date(day), Domain.Text.Bilingual text => Text(text.Ja, text.En), _ => value })];

    /// <summary>The text of the page's language, of a pair kept in both (a form's labels, a measure's title).</summary>
    public static string Text(string ja, string en) => Japanese ? ja : en;

    /// <summary>A file size: 1.2 MB, 340 KB, 12 bytes (as 12 バイト in Japanese).</summary>
    public static string Bytes(long size) => size switch
    {
        >= 1024 * 1024 => (size / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (size / 1024).ToString(CultureInfo.InvariantCulture) + " KB",
        _ => size.ToString(CultureInfo.InvariantCulture) + (Japanese ? " バイト" : " bytes"),
    };

    /// <summary>
    /// The language of a piece of data a person typed (a name, say): "ja" when it holds kana or kanji, so
    /// screen readers pronounce it right on English pages; null (the page's language) otherwise.
    /// </summary>
    public static string? LanguageOf(string? text) =>
        text is not null && text.Any(IsJapaneseCharacter) ? Cultures.Japanese : null;

    /// <summary>Hiragana, katakana (full and half width), CJK ideographs and full-width forms.</summary>
    public static bool IsJapaneseCharacter(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF01' and <= '\uFF9F') or (>= '\u3000' and <= '\u303F');
}
