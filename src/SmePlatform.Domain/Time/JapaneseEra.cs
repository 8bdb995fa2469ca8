using System.Globalization;

namespace SmePlatform.Domain.Time;

/// <summary>A year in a Japanese era, as Japanese forms write it beside the Western year (令和8年).</summary>
public readonly record struct JapaneseEraYear(string EraName, string EraRomaji, int Year)
{
    /// <summary>Japanese form: the first year of an era is 元年 (令和元年), the others are numbered (令和8年).</summary>
    public string ToJapanese() => Year == 1 ? $"{EraName}元年" : $"{EraName}{Year}年";

    /// <summary>English form, e.g. "Reiwa 8".</summary>
    public string ToEnglish() => $"{EraRomaji} {Year}";

    private static readonly JapaneseCalendar Calendar = new();
    private static readonly DateTimeFormatInfo JapaneseFormat = CreateJapaneseFormat();

    // Romaji by era name: JapaneseCalendar numbers eras from Meiji (1) upwards.
    private static readonly Dictionary<string, string> Romaji = new(StringComparer.Ordinal)
    {
        ["明治"] = "Meiji",
        ["大正"] = "Taisho",
        ["昭和"] = "Showa",
        ["平成"] = "Heisei",
        ["令和"] = "Reiwa",
    };

    /// <summary>The era year of a calendar date; null before the Meiji era (8 September 1868).</summary>
    public static JapaneseEraYear? Of(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        if (dateTime < Calendar.MinSupportedDateTime)
        {
            return null;
        }

        var era = Calendar.GetEra(dateTime);
        var name = JapaneseFormat.GetEraName(era);
        return new JapaneseEraYear(name, Romaji.GetValueOrDefault(name, name), Calendar.GetYear(dateTime));
    }

    private static DateTimeFormatInfo CreateJapaneseFormat()
    {
        var format = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("ja-JP").DateTimeFormat.Clone();
        format.Calendar = Calendar;
        return format;
    }
}
