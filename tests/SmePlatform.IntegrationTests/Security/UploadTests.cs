using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// Hostile uploads through an application's upload step (issue 20, finding 9): packages that inflate too far or lie
/// about their sizes, PDFs that run something, a PDF no reader opens — each refused beside the field in the reader's
/// language, nothing stored; ordinary files accepted; a name with bidirectional controls kept and shown without them.
/// </summary>
[Collection(nameof(PortalCollection))]
public class UploadTests(SmeAppFactory factory)
{
    public static TheoryData<string, string, string> Refused()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var file in new[] { "lying-docx", "bomb-docx", "ratio-docx", "javascript-pdf", "launch-pdf", "embedded-pdf", "damaged-pdf" })
        {
            cases.Add(file, "ja", Expected(file, "ja"));
            cases.Add(file, "en", Expected(file, "en"));
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AHostileFile_IsRefusedBesideTheField_AndNothingIsStored(string file, string language, string message)
    {
        var (client, path, applicationId) = await ApplicantAsync();
        using var _ = client;
        if (language == "en")
        {
            await client.GetAsync("/?culture=en");
        }

        var before = await AttachmentsAsync(applicationId);
        var (name, content) = Sample(file);

        var page = await client.SubmitFormAsync(await client.GetAsync(path), [], submit: ("intent", "stay"), files: [("Files.planFile", name, content)]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.ErrorFor("Files_planFile"), StringComparison.Ordinal);
        Assert.Contains(name, page.ErrorFor("Files_planFile"), StringComparison.Ordinal);
        Assert.Equal(before, await AttachmentsAsync(applicationId));
    }

    [Theory]
    [InlineData("事業計画書.pdf")]
    [InlineData("plan.docx")]
    public async Task AnOrdinaryPdfOrDocx_IsAccepted(string name)
    {
        var (client, path, applicationId) = await ApplicantAsync();
        using var _ = client;
        var content = name.EndsWith(".pdf", StringComparison.Ordinal) ? SampleFiles.Pdf(4096) : SampleFiles.Docx();

        var page = await client.SubmitFormAsync(await client.GetAsync(path), [], submit: ("intent", "stay"), files: [("Files.planFile", name, content)]);

        Assert.Null(page.ErrorFor("Files_planFile"));
        Assert.Contains(name, page.Text(".attachments"), StringComparison.Ordinal);
        Assert.Contains(name, await AttachmentsAsync(applicationId));
    }

    /// <summary>
    /// <c>invoice\u202Egnp.pdf</c> shows as "invoicefdp.png": it is kept and shown as invoicegnp.pdf — on the step, in
    /// the download's name, and for a name stored before names were cleaned.
    /// </summary>
    [Fact]
    public async Task ANameWithARightToLeftOverride_IsStoredAndShownWithoutIt()
    {
        var (client, path, applicationId) = await ApplicantAsync();
        using var _ = client;

        var page = await client.SubmitFormAsync(await client.GetAsync(path), [], submit: ("intent", "stay"), files: [("Files.planFile", "invoice\u202Egnp.pdf", SampleFiles.Pdf())]);

        Assert.Null(page.ErrorFor("Files_planFile"));
        Assert.Contains("invoicegnp.pdf", await AttachmentsAsync(applicationId));
        Assert.Contains("invoicegnp.pdf", page.Text(".attachments"), StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', page.Document.DocumentElement.OuterHtml);
        var link = page.Document.QuerySelectorAll(".attachments a").Single(a => a.TextContent.Contains("invoicegnp.pdf", StringComparison.Ordinal)).GetAttribute("href")!;
        using var download = await client.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal("invoicegnp.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);

        // A name stored raw (before this rule) is shown clean too.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ApplicationAttachments SET FileName = {"old\u202Efdp.png"} WHERE ApplicationId = {applicationId}"));
        var again = await client.GetAsync(path);
        Assert.Contains("oldfdp.png", again.Text(".attachments"), StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', again.Document.DocumentElement.OuterHtml);
    }

    private async Task<(PortalClient Client, string Path, int ApplicationId)> ApplicantAsync()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, $"/businesses/{business.Id}/applications/{applicationId}/sections/plan", applicationId);
    }

    private Task<List<string>> AttachmentsAsync(int applicationId) =>
        factory.WithDbAsync(db => db.Set<ApplicationAttachment>().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.Id).Select(a => a.FileName).ToListAsync());

    private static (string Name, byte[] Content) Sample(string file) => file switch
    {
        "lying-docx" => ("lying.docx", SampleFiles.DocxWithLyingSizes()),
        "bomb-docx" => ("bomb.docx", SampleFiles.DocxBomb(150 * 1024 * 1024)),
        "ratio-docx" => ("ratio.docx", SampleFiles.DocxBomb(5 * 1024 * 1024)),
        "javascript-pdf" => ("script.pdf", SampleFiles.PdfWithOpenActionJavaScript()),
        "launch-pdf" => ("launch.pdf", SampleFiles.PdfWithLaunchAction()),
        "embedded-pdf" => ("embedded.pdf", SampleFiles.PdfWithEmbeddedFile()),
        _ => ("damaged.pdf", "%PDF-1.7\nthis is not a pdf at all\n"u8.ToArray()),
    };

    private static string Expected(string file, string language) => (file.Split('-')[1], language) switch
    {
        ("docx", "ja") => "展開すると大きくなりすぎるか、中の大きさが正しく記録されていない",
        ("docx", _) => "it expands to far more than its size, or it records the sizes of its parts wrongly",
        ("pdf", "ja") when file == "damaged-pdf" => "壊れているか、パスワードで保護されているため読み取れません",
        ("pdf", _) when file == "damaged-pdf" => "it is damaged or protected by a password",
        ("pdf", "ja") => "開いたときに動く仕組み",
        _ => "it contains parts that run when it is opened",
    };
}
