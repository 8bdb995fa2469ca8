using SmePlatform.Domain.Time;

namespace SmePlatform.UnitTests.Time;

public class JapaneseEraTests
{
    [Theory]
    [InlineData(2026, 11, 27, "令和8年", "Reiwa 8")]
    [InlineData(2019, 5, 1, "令和元年", "Reiwa 1")]
    [InlineData(2019, 4, 30, "平成31年", "Heisei 31")]
    [InlineData(1989, 1, 8, "平成元年", "Heisei 1")]
    [InlineData(1989, 1, 7, "昭和64年", "Showa 64")]
    [InlineData(1926, 12, 25, "昭和元年", "Showa 1")]
    [InlineData(1912, 7, 30, "大正元年", "Taisho 1")]
    [InlineData(1868, 9, 8, "明治元年", "Meiji 1")]
    public void Of_GivesEraYear_AtEveryEraBoundary(int year, int month, int day, string japanese, string english)
    {
        var era = JapaneseEraYear.Of(new DateOnly(year, month, day));

        Assert.NotNull(era);
        Assert.Equal(japanese, era.Value.ToJapanese());
        Assert.Equal(english, era.Value.ToEnglish());
    }

    [Fact]
    public void Of_BeforeMeiji_IsNull()
    {
        Assert.Null(JapaneseEraYear.Of(new DateOnly(1868, 9, 7)));
    }
}
