using SmePlatform.Domain.Catalogue;

namespace SmePlatform.UnitTests.Catalogue;

public class SearchTextTests
{
    [Theory]
    [InlineData("ものづくり", "ものづくり")]
    [InlineData("ﾓﾉﾂﾞｸﾘ", "ものづくり")]           // half-width katakana with a separate voicing mark
    [InlineData("モノヅクリ", "ものづくり")]
    [InlineData("ＩＴ導入", "it導入")]              // full-width Latin
    [InlineData("IT導入", "it導入")]
    [InlineData("  事業　 承継  ", "事業 承継")]     // ideographic space, runs collapse, ends trimmed
    [InlineData("１２３", "123")]
    [InlineData("サービス", "さーびす")]            // the long-vowel mark stays
    [InlineData(null, "")]
    public void Fold_TreatsTextAsPeopleTypeIt(string? text, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(text));
    }

    [Theory]
    [InlineData("ﾓﾉﾂﾞｸﾘ 補助金", true)]
    [InlineData("補助金　ものづくり", true)]
    [InlineData("ＩＴ", true)]
    [InlineData("ものづくり 融資", false)]
    [InlineData("", true)]
    public void Matches_RequiresEveryKeyword(string query, bool expected)
    {
        var stored = SearchText.Fold("ものづくり・商業・サービス生産性向上促進補助金 IT 設備投資");

        Assert.Equal(expected, SearchText.Matches(stored, SearchText.Keywords(query)));
    }

    [Theory]
    [InlineData("it", "IT導入補助金", true)]
    [InlineData("it", "supports it adoption", true)]
    [InlineData("it", "digital credit with", false)]     // a Latin keyword starts a word
    [InlineData("導入", "it導入補助金", true)]              // Japanese matches anywhere
    [InlineData("dx", "業務のdx推進", true)]               // after kana or kanji counts as a word start
    [InlineData("gx", "省エネ・GX", true)]
    public void Matches_LatinKeywordsAtAWordStart_JapaneseAnywhere(string keyword, string text, bool expected)
    {
        Assert.Equal(expected, SearchText.Matches(SearchText.Fold(text), SearchText.Keywords(keyword)));
    }
}
