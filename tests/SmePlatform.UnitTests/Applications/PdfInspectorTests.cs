using System.Text;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.UnitTests.Applications;

/// <summary>Active content in PDFs (issue 20, finding 9), found by reading the PDF's structure with PdfPig.</summary>
public class PdfInspectorTests
{
    public static TheoryData<string, byte[], PdfActiveContent?> Pdfs => new()
    {
        { "a plain page", SampleFiles.Pdf(), PdfActiveContent.None },
        { "a plain page padded to 1 MB", SampleFiles.Pdf(1024 * 1024), PdfActiveContent.None },
        { "/OpenAction → /JavaScript", SampleFiles.PdfWithOpenActionJavaScript(), PdfActiveContent.JavaScript },
        { "/OpenAction inline", SampleFiles.PdfOf("/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>", []), PdfActiveContent.JavaScript },
        { "a /JavaScript name tree", SampleFiles.PdfOf("/Names<</JavaScript<</Names[(x) 4 0 R]>>>>", ["<</S/JavaScript/JS(1)>>"]), PdfActiveContent.JavaScript },
        { "a link that launches", SampleFiles.PdfWithLaunchAction(), PdfActiveContent.LaunchAction },
        { "a page with /AA", SampleFiles.PdfWithAdditionalActions(), PdfActiveContent.AdditionalActions },
        { "an embedded file", SampleFiles.PdfWithEmbeddedFile(), PdfActiveContent.EmbeddedFile },
        { "an XFA form", SampleFiles.PdfOf("/AcroForm<</Fields[]/XFA 4 0 R>>", ["<</Length 0>>stream\n\nendstream"]), PdfActiveContent.InteractiveForm },
        { "names written with #xx escapes", SampleFiles.PdfOf("/OpenAction<</S/#4A#61vaScript/#4A#53(1)>>", []), PdfActiveContent.JavaScript },
        { "in a compressed object stream", SampleFiles.PdfWithJavaScriptInACompressedObjectStream(), PdfActiveContent.JavaScript },
        { "an unreferenced JavaScript object", SampleFiles.PdfOf("", ["<</S/JavaScript/JS(1)>>"]), PdfActiveContent.JavaScript },
        { "not a PDF past its header", Encoding.ASCII.GetBytes("%PDF-1.4\nthis is not a pdf at all\n"), null },
        { "cut short", SampleFiles.Pdf()[..60], null },
    };

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void APdf_IsReadForWhatItRuns(string what, byte[] pdf, PdfActiveContent? found)
    {
        Assert.Equal(found, PdfInspector.Find(pdf));
        Assert.Equal(
            found switch { null => AttachmentProblem.Damaged, PdfActiveContent.None => AttachmentProblem.None, _ => AttachmentProblem.ActiveContent },
            PdfInspector.Inspect(pdf));
        Assert.NotEmpty(what);
    }

    [Fact]
    public void TheLargestPlainPdf_IsRead() =>
        Assert.Equal(AttachmentProblem.None, PdfInspector.Inspect(SampleFiles.Pdf((int)AttachmentInspector.MaxBytes)));
}
