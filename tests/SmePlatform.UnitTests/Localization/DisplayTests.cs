using System.Globalization;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.UnitTests.Localization;

public class DisplayTests
{
    [Theory]
    [InlineData("ja", 0L, "0円")]
    [InlineData("ja", 1234567L, "1,234,567円")]
    [InlineData("en", 1234567L, "¥1,234,567")]
    [InlineData("en", 9_000_000_000L, "¥9,000,000,000")]
    public void Yen_IsWholeYenForTheCulture(string culture, long amount, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Display.Yen(amount));
    }

    [Theory]
    [InlineData("ja", "2026-11-27", "2026年（令和8年）11月27日")]
    [InlineData("ja", "2019-05-01", "2019年（令和元年）5月1日")]
    [InlineData("en", "2026-11-27", "27 November 2026")]
    public void Date_ShowsTheEraBesideTheWesternYearInJapanese(string culture, string date, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Display.Date(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("ja", "2026-11-30T08:00:00Z", "2026年（令和8年）11月30日 17:00")]
    [InlineData("en", "2026-11-30T08:00:00Z", "30 November 2026, 17:00 JST")]
    [InlineData("ja", "2026-12-31T15:30:00Z", "2027年（令和9年）1月1日 00:30")]
    public void DateTime_IsShownInJapanTime(string culture, string utc, string expected)
    {
        using var _ = new CultureScope(culture);

        Assert.Equal(expected, Display.DateTime(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));
    }

    [Theory]
    [InlineData("0612345678", "06-1234-5678")]     // Osaka: a two-digit area code
    [InlineData("0312345678", "03-1234-5678")]     // Tokyo
    [InlineData("0521234567", "052-123-4567")]     // Nagoya: three digits
    [InlineData("0465123456", "0465-12-3456")]     // Odawara: four digits
    [InlineData("0126721234", "01267-2-1234")]     // Iwamizawa area: five digits
    [InlineData("09012345678", "090-1234-5678")]   // a mobile number
    [InlineData("0120123456", "0120-123-456")]     // toll-free
    [InlineData("12345", "12345")]                 // not a number it knows: as stored
    public void Phone_PutsTheHyphensWhereTheAreaCodeEnds(string stored, string expected) =>
        Assert.Equal(expected, Display.Phone(stored));

    [Theory]
    [InlineData("山田 太郎", "ja")]
    [InlineData("ヤマダ", "ja")]
    [InlineData("ﾔﾏﾀﾞ", "ja")]
    [InlineData("Taro Yamada", null)]
    [InlineData(null, null)]
    public void LanguageOf_MarksJapaneseData(string? text, string? expected)
    {
        Assert.Equal(expected, Display.LanguageOf(text));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;

        public CultureScope(string culture) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        public void Dispose() => CultureInfo.CurrentUICulture = _ui;
    }
}
