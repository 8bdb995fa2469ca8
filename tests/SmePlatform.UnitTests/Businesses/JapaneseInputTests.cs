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

    /// <summary>Japanese statements write a negative figure with △ or ▲ before it: a minus sign, as typed into any statement.</summary>
    [Theory]
    [InlineData("△2,500,000", true, -2_500_000L)]
    [InlineData("▲2,500,000", true, -2_500_000L)]
    [InlineData("△ 2,500,000円", true, -2_500_000L)]
    [InlineData("△２，５００，０００", true, -2_500_000L)]
    [InlineData("−1200000", true, -1_200_000L)]
    [InlineData("-1200000", true, -1_200_000L)]
    [InlineData("－1200000", true, -1_200_000L)]
    [InlineData("2,500,000", true, 2_500_000L)]
    [InlineData("△0", true, 0L)]
    [InlineData("", true, null)]
    [InlineData(null, true, null)]
    [InlineData("△", false, null)]
    [InlineData("△-5", false, null)]
    [InlineData("▲+5", false, null)]
    [InlineData("5△", false, null)]
    [InlineData("△3.5", false, null)]
    [InlineData("△△5", false, null)]
    public void TryFigure_ReadsTheTriangleAsAMinusSign(string? typed, bool read, long? expected)
    {
        Assert.Equal(read, JapaneseInput.TryFigure(typed, out var value));
        Assert.Equal(expected, value);
    }
}
