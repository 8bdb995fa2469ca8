using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;

namespace SmePlatform.UnitTests.Applications;

public class AttachmentInspectorTests
{
    public static TheoryData<string, byte[], AttachmentProblem> Files => new()
    {
        { "見積書.pdf", SampleFiles.Pdf(), AttachmentProblem.None },
        { "SCAN.PDF", SampleFiles.Pdf(), AttachmentProblem.None },
        { "photo.jpg", SampleFiles.Jpeg(), AttachmentProblem.None },
        { "photo.jpeg", SampleFiles.Jpeg(), AttachmentProblem.None },
        { "chart.png", SampleFiles.Png(), AttachmentProblem.None },
        { "plan.docx", SampleFiles.Docx(), AttachmentProblem.None },
        { "budget.xlsx", SampleFiles.Xlsx(), AttachmentProblem.None },
        { "invoice.pdf", SampleFiles.Executable(), AttachmentProblem.ContentDoesNotMatch },
        { "photo.png", SampleFiles.Jpeg(), AttachmentProblem.ContentDoesNotMatch },
        { "plan.docx", SampleFiles.Xlsx(), AttachmentProblem.ContentDoesNotMatch },
        { "plan.docx", SampleFiles.Pdf(), AttachmentProblem.ContentDoesNotMatch },
        { "plan.docx", SampleFiles.Docx(macros: true), AttachmentProblem.CarriesMacros },
        { "budget.xlsx", SampleFiles.Xlsx(macros: true), AttachmentProblem.CarriesMacros },
        { "budget.xlsm", SampleFiles.Xlsx(), AttachmentProblem.ExtensionNotAllowed },
        { "setup.exe", SampleFiles.Executable(), AttachmentProblem.ExtensionNotAllowed },
        { "noextension", SampleFiles.Pdf(), AttachmentProblem.ExtensionNotAllowed },
        { "empty.pdf", [], AttachmentProblem.Empty },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void AFile_IsJudgedByItsExtensionAndItsContent(string fileName, byte[] content, AttachmentProblem problem) =>
        Assert.Equal(problem, AttachmentInspector.Inspect(fileName, content).Problem);

    // Built here, not as theory data: a 10 MB argument would be serialized into every test case and the results file.
    [Fact]
    public void TenMegabytes_IsTheLimit()
    {
        Assert.Equal(AttachmentProblem.None, AttachmentInspector.Inspect("limit.pdf", SampleFiles.Pdf((int)AttachmentInspector.MaxBytes)).Problem);
        Assert.Equal(AttachmentProblem.TooLarge, AttachmentInspector.Inspect("big.pdf", SampleFiles.Pdf((int)AttachmentInspector.MaxBytes + 1)).Problem);
    }

    [Fact]
    public void ABrokenZip_NamedDocx_IsRefused() =>
        Assert.Equal(AttachmentProblem.ContentDoesNotMatch, AttachmentInspector.Inspect("x.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).Problem);

    /// <summary>A package is inflated for real: a bomb, a ratio no Office file has, and headers that lie are refused.</summary>
    [Fact]
    public void APackageThatInflatesTooFar_OrLiesAboutItsSizes_IsRefused()
    {
        var bomb = SampleFiles.DocxBomb(150 * 1024 * 1024);
        var ratio = SampleFiles.DocxBomb(5 * 1024 * 1024);
        var lying = SampleFiles.DocxWithLyingSizes();

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(AttachmentProblem.CompressionBomb, AttachmentInspector.Inspect("plan.docx", bomb).Problem);
        Assert.Equal(AttachmentProblem.CompressionBomb, AttachmentInspector.Inspect("plan.docx", ratio).Problem);
        Assert.Equal(AttachmentProblem.CompressionBomb, AttachmentInspector.Inspect("plan.docx", lying).Problem);
        // What a reader trusting the headers sees: a document part of 100 bytes, well within every limit.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(lying));
        Assert.Equal(100, zip.GetEntry("word/document.xml")!.Length);
    }

    [Fact]
    public void APackageOfIncompressibleContent_IsAccepted()
    {
        var random = new byte[3 * 1024 * 1024];
        new Random(9).NextBytes(random);
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            }

            using var image = zip.CreateEntry("word/media/image1.png").Open();
            image.Write(random);
        }

        Assert.Equal(AttachmentProblem.None, AttachmentInspector.Inspect("plan.docx", buffer.ToArray()).Problem);
    }
}
