using SmePlatform.Domain.Text;

namespace SmePlatform.UnitTests.Businesses;

public class JapaneseInputTests
{
    [Theory]
    [InlineData("100-0001", "1000001")]
    [InlineData("１００－０００１", "1000001")]
    [InlineData("１００ー０００１", "1000001")]
    [InlineData("03 1234 5678", "0312345678")]
    [InlineData(null, "")]
    public void Digits_DropSeparatorsAndWidth(string? typed, string expected)
    {
        Assert.Equal(expected, JapaneseInput.Digits(typed));
    }

    [Theory]
    [InlineData("カブシキガイシャ サンプル", "カブシキガイシャ サンプル", true)]
    [InlineData("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ", true)]
    [InlineData("かぶしきがいしゃ", "カブシキガイシャ", true)]
    [InlineData("ヤマダ・ショウテン", "ヤマダ・ショウテン", true)]
    [InlineData("株式会社サンプル", "株式会社サンプル", false)]
    [InlineData("Sample", "Sample", false)]
    [InlineData("  ", null, false)]
    public void Katakana_FoldsWhatPeopleType_AndRefusesTheRest(string typed, string? folded, bool isReading)
    {
        var reading = JapaneseInput.Katakana(typed);

        Assert.Equal(folded, reading);
        Assert.Equal(isReading, JapaneseInput.IsKatakanaReading(reading));
    }
}
