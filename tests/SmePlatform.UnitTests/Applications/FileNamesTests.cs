using SmePlatform.Domain.Applications;

namespace SmePlatform.UnitTests.Applications;

/// <summary>File names without the characters that make them read as something else (issue 20, finding 9).</summary>
public class FileNamesTests
{
    [Theory]
    // Right-to-left override: shown as "invoicefdp.png", it is a PDF.
    [InlineData("invoice\u202Egnp.pdf", "invoicegnp.pdf")]
    [InlineData("\u202Bplan\u202C.docx", "plan.docx")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069.pdf", "abcd.pdf")]
    [InlineData("\u200Fsign\u200E.png", "sign.png")]
    [InlineData("zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf")]
    [InlineData("tab\tnew\nline\0.pdf", "tabnewline.pdf")]
    [InlineData("line\u2028sep.pdf", "linesep.pdf")]
    // NFC: か and a combining voiced mark are one が.
    [InlineData("\u304B\u3099いしゃ.pdf", "\u304Cいしゃ.pdf")]
    [InlineData("C:\\Users\\me\\見積書.pdf", "見積書.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("  計画書.pdf  ", "計画書.pdf")]
    [InlineData("\u202E", "file")]
    [InlineData("..", "file")]
    [InlineData("", "file")]
    // A joiner inside an emoji sequence stays.
    [InlineData("family👨\u200D👩\u200D👧.png", "family👨\u200D👩\u200D👧.png")]
    [InlineData("事業計画書（第2版）.pdf", "事業計画書（第2版）.pdf")]
    public void AName_IsKeptWithoutControls_AndNormalised(string sent, string kept) =>
        Assert.Equal(kept, FileNames.Clean(sent));

    [Fact]
    public void ALongName_IsShortenedBeforeItsExtension()
    {
        var kept = FileNames.Clean(new string('あ', 300) + ".pdf");

        Assert.Equal(FileNames.MaxLength, kept.Length);
        Assert.EndsWith("あ.pdf", kept, StringComparison.Ordinal);
    }
}
