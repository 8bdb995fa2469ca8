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
}
