using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>After the grant: the performance report, the amount payable confirmed, and the payment.</summary>
[Collection(nameof(PortalCollection))]
public class ReportTests(SmeAppFactory factory)
{
    /// <summary>A signed-in owner and an application of theirs with the grant decided (¥1,000,000; the monozukuri demo measure, rate 1/2).</summary>
    private async Task<(PortalClient Client, int BusinessId, int ApplicationId)> GrantedAsync()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        await factory.GrantAsync(applicationId, 1_000_000);
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, business.Id, applicationId);
    }

    [Fact]
    public async Task AGrantedApplication_IsReported_Checked_Confirmed_AndPaid()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";

        // Once-only: the report starts from the planned line.
        var report = await client.GetAsync(reportUrl);
        Assert.Equal("株式会社サンプル機械", report.Document.QuerySelector("#Lines_0__Vendor")?.GetAttribute("value"));
        Assert.Equal("3000000", report.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));

        // No invoice number, a date outside the project period: each said beside its field, nothing typed lost.
        var refused = await client.SubmitFormAsync(report, [("Lines[0].InvoiceDate", "2026-12-01"), ("Lines[0].AmountYen", "1,800,001")], submit: ("intent", "submit"));
        Assert.Contains("請求書番号を入力してください", refused.ErrorFor("Lines_0__InvoiceNumber"), StringComparison.Ordinal);
        Assert.Contains("事業期間", refused.ErrorFor("Lines_0__InvoiceDate"), StringComparison.Ordinal);
        Assert.Equal("1,800,001", refused.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));

        // Whole lines but no invoice attached: refused for that.
        var noInvoice = await client.SubmitFormAsync(refused, [("Lines[0].InvoiceNumber", "INV-777"), ("Lines[0].InvoiceDate", "2027-05-10")], submit: ("intent", "submit"));
        Assert.Contains("請求書の写しを1つ以上添付してください", noInvoice.ErrorFor("Invoices"), StringComparison.Ordinal);

        var submitted = await client.SubmitFormAsync(noInvoice, [], submit: ("intent", "submit"), files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);
        Assert.Contains("実績報告を提出しました", submitted.Text("main"), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.ReportLines).SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.ReportSubmitted, stored.Status);
        Assert.Equal(("INV-777", new DateOnly(2027, 5, 10), 1_800_001L), (stored.ReportLines[0].InvoiceNumber, stored.ReportLines[0].InvoiceDate, stored.ReportLines[0].AmountYen));

        // The reviewer sees the lines and the most payable: 1/2 × ¥1,800,001 rounded down, under the grant.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var review = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Equal("900,000円", review.Text("[data-payable-limit]"));
        var form = $"form[action='/review/{applicationId}/report']";
        var over = await reviewer.SubmitFormAsync(review, [("Report.Decision", "confirm"), ("Report.PayableYen", "900,001")], formSelector: form);
        Assert.Contains("900,000円", over.ErrorFor("Report_PayableYen"), StringComparison.Ordinal);
        var confirmed = await reviewer.SubmitFormAsync(over, [("Report.PayableYen", "900,000"), ("Report.Reason", "請求書と支払の証憑を確認")], formSelector: form);
        Assert.Contains("支払額を確定しました", confirmed.Text("main"), StringComparison.Ordinal);
        Assert.Null(confirmed.Document.QuerySelector($"form[action='/review/{applicationId}/payment']")); // only a Supervisor records the payment

        using var supervisor = await factory.CreateSignedInStaffClientAsync(StaffRoles.Supervisor);
        var pay = await supervisor.GetAsync($"/review/{applicationId}");
        var payment = $"form[action='/review/{applicationId}/payment']";
        var noReference = await supervisor.SubmitFormAsync(pay, [("Payment.PaidOn", "2027-11-30")], formSelector: payment);
        Assert.Contains("参照番号", noReference.ErrorFor("Payment_Reference"), StringComparison.Ordinal);
        var paid = await supervisor.SubmitFormAsync(noReference, [("Payment.Reference", "FB-20271130-001")], formSelector: payment);
        Assert.Contains("支払を記録しました", paid.Text("main"), StringComparison.Ordinal);

        // The applicant sees the completed application, the amount and every stage.
        var mine = await client.GetAsync($"/businesses/{businessId}/applications/{applicationId}");
        Assert.Contains("完了（支払済み）", mine.Text("main dl"), StringComparison.Ordinal);
        Assert.Contains("900,000円", mine.Text("main"), StringComparison.Ordinal);
        var timeline = mine.Text(".timeline");
        foreach (var stage in new[] { "交付決定", "実績報告済み", "額の確定", "完了（支払済み）" })
        {
            Assert.Contains(stage, timeline, StringComparison.Ordinal);
        }

        var done = await factory.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal((ApplicationStatus.Paid, 900_000L, new DateOnly(2027, 11, 30), "FB-20271130-001"), (done.Status, done.PayableYen!.Value, done.PaidOn!.Value, done.PaymentReference));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "application.Paid" && e.SubjectId == applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task AReturnedReport_IsCorrectedAndSubmittedAgain_AndAReportIsRefusedBeforeTheGrant()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";
        await client.SubmitFormAsync(await client.GetAsync(reportUrl), [("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", "2027-02-01")],
            submit: ("intent", "submit"), files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);

        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var form = $"form[action='/review/{applicationId}/report']";
        var noReason = await reviewer.SubmitFormAsync(await reviewer.GetAsync($"/review/{applicationId}"), [("Report.Decision", "return")], formSelector: form);
        Assert.Contains("理由を入力してください", noReason.ErrorFor("Report_Reason"), StringComparison.Ordinal);
        await reviewer.SubmitFormAsync(noReason, [("Report.Reason", "請求書の日付が領収書と違います")], formSelector: form);
        Assert.Equal(ApplicationStatus.ReportReturned, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));

        // The applicant's lines and invoice are still there; corrected, it goes again.
        var again = await client.GetAsync(reportUrl);
        Assert.Equal("INV-1", again.Document.QuerySelector("#Lines_0__InvoiceNumber")?.GetAttribute("value"));
        await client.SubmitFormAsync(again, [("Lines[0].InvoiceDate", "2027-02-03")], submit: ("intent", "submit"));
        Assert.Equal(ApplicationStatus.ReportSubmitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));

        // Before a grant there is no report to write: the page says so, and a post is not found.
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        var draft = await factory.CreateApplicationAsync(business, owner);
        using var other = factory.CreatePortalClient();
        await other.SignInAsync(owner);
        var notYet = await other.GetAsync($"/businesses/{business.Id}/applications/{draft}/report");
        Assert.Contains("交付決定の後", notYet.Text("[data-report-not-yet]"), StringComparison.Ordinal);
        Assert.Null(notYet.Document.QuerySelector("main form"));
        var post = await other.PostWithoutFollowingAsync($"/businesses/{business.Id}/applications/{draft}/report", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = notYet.AntiforgeryToken,
            ["intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
