using SmePlatform.Web.Infrastructure.Content;

namespace SmePlatform.UnitTests.Content;

public class MarkdownTests
{
    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JavaScript:alert(1))", "JavaScript:")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("[x](vbscript:msgbox)", "vbscript:")]
    [InlineData("[x](//evil.example/)", "//evil.example")]
    public void UnsafeLinks_AreReported_AndDroppedWhenRendered(string markdown, string target)
    {
        Assert.Single(Markdown.UnsafeLinks(markdown));
        Assert.DoesNotContain(target, Markdown.ToHtml(markdown).ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[公募要領](https://www.chusho.meti.go.jp/)", "href=\"https://www.chusho.meti.go.jp/\"")]
    [InlineData("[catalogue](/measures)", "href=\"/measures\"")]
    [InlineData("<mailto:info@example.jp>", "href=\"mailto:info@example.jp\"")]
    [InlineData("https://example.jp/a", "href=\"https://example.jp/a\"")]
    public void SafeLinks_AreKept(string markdown, string expected)
    {
        Assert.Empty(Markdown.UnsafeLinks(markdown));
        Assert.Contains(expected, Markdown.ToHtml(markdown).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RawHtml_IsText()
    {
        var html = Markdown.ToHtml("<script>alert(1)</script>\n\n<b>bold</b>").ToString();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }
}
