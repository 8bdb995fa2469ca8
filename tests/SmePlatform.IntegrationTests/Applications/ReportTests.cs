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
    /// <summary>
    /// A signed-in owner and an application of theirs with the grant decided (¥1,000,000; the monozukuri demo measure,
    /// rate 1/2), its project under way: from 90 days ago to 90 days on (Japan's dates).
    /// </summary>
    private async Task<(PortalClient Client, int BusinessId, int ApplicationId)> GrantedAsync()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        await factory.GrantAsync(applicationId, 1_000_000);
        await factory.SetProjectPeriodAsync(SmeAppFactory.JapanToday(-90), SmeAppFactory.JapanToday(90), applicationId);
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
        Assert.Equal("3,000,000", report.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));

        // No invoice number, a date outside the project period: each said beside its field, nothing typed lost.
        var refused = await client.SubmitFormAsync(report, [("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-91)), ("Lines[0].AmountYen", "1,350,001")], submit: ("intent", "submit"));
        Assert.Contains("請求書番号を入力してください", refused.ErrorFor("Lines_0__InvoiceNumber"), StringComparison.Ordinal);
        Assert.Contains("事業期間", refused.ErrorFor("Lines_0__InvoiceDate"), StringComparison.Ordinal);
        Assert.Equal("1,350,001", refused.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));

        // Whole lines but no invoice attached: refused for that.
        var noInvoice = await client.SubmitFormAsync(refused, [("Lines[0].InvoiceNumber", "INV-777"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-10))], submit: ("intent", "submit"));
        Assert.Contains("請求書の写しを1つ以上添付してください", noInvoice.ErrorFor("Invoices"), StringComparison.Ordinal);

        var submitted = await client.SubmitFormAsync(noInvoice, [], submit: ("intent", "submit"), files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);
        Assert.Contains("実績報告を提出しました", submitted.Text("main"), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.ReportLines).SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.ReportSubmitted, stored.Status);
        Assert.Equal(("INV-777", SmeAppFactory.JapanToday(-10), 1_350_001L), (stored.ReportLines[0].InvoiceNumber, stored.ReportLines[0].InvoiceDate, stored.ReportLines[0].AmountYen));

        // The reviewer sees the lines and the most payable under the terms the application was submitted under: a small-scale
        // firm's 2/3 (not the first fraction of the rate's text, 1/2) × ¥1,350,001 rounded down, under the grant.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var review = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Equal("900,000円", review.Text("[data-payable-limit]"));
        Assert.Equal("900,000", review.Document.QuerySelector("#Report_PayableYen")?.GetAttribute("value")); // filled in as people write it
        var form = $"form[action='/review/{applicationId}/report']";
        var over = await reviewer.SubmitFormAsync(review, [("Report.Decision", "confirm"), ("Report.PayableYen", "900,001")], formSelector: form);
        Assert.Contains("900,000円", over.ErrorFor("Report_PayableYen"), StringComparison.Ordinal);
        var confirmed = await reviewer.SubmitFormAsync(over, [("Report.PayableYen", "900,000"), ("Report.Reason", "請求書と支払の証憑を確認")], formSelector: form);
        Assert.Contains("支払額を確定しました", confirmed.Text("main"), StringComparison.Ordinal);
        Assert.Null(confirmed.Document.QuerySelector($"form[action='/review/{applicationId}/payment']")); // only a Supervisor records the payment

        using var supervisor = await factory.CreateSignedInStaffClientAsync(StaffRoles.Supervisor);
        var pay = await supervisor.GetAsync($"/review/{applicationId}");
        var payment = $"form[action='/review/{applicationId}/payment']";
        // A payment is recorded once made (not dated after today), and not before the invoice it pays.
        var noReference = await supervisor.SubmitFormAsync(pay, [("Payment.PaidOn", SmeAppFactory.JapanDay(1))], formSelector: payment);
        Assert.Contains("参照番号", noReference.ErrorFor("Payment_Reference"), StringComparison.Ordinal);
        Assert.Contains("本日", noReference.ErrorFor("Payment_PaidOn"), StringComparison.Ordinal);
        var beforeInvoice = await supervisor.SubmitFormAsync(noReference, [("Payment.PaidOn", SmeAppFactory.JapanDay(-11)), ("Payment.Reference", "FB-20271130-001")], formSelector: payment);
        Assert.Contains("請求書の日付", beforeInvoice.ErrorFor("Payment_PaidOn"), StringComparison.Ordinal);
        Assert.Equal("FB-20271130-001", beforeInvoice.Document.QuerySelector("#Payment_Reference")?.GetAttribute("value"));
        var paid = await supervisor.SubmitFormAsync(beforeInvoice, [("Payment.PaidOn", SmeAppFactory.JapanDay(0))], formSelector: payment);
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
        Assert.Equal((ApplicationStatus.Paid, 900_000L, SmeAppFactory.JapanToday(0), "FB-20271130-001"), (done.Status, done.PayableYen!.Value, done.PaidOn!.Value, done.PaymentReference));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "application.Paid" && e.SubjectId == applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task TheReportPage_ShowsTheTermsTheApplicationWasSubmittedUnder_AndPrefilledAmountsAsPeopleWriteThem()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";

        var report = await client.GetAsync(reportUrl);

        // The row of the terms that applied to this small-scale firm (2/3), not the measure's rate text.
        var terms = report.Text(".applied-terms");
        Assert.Contains("2/3", terms, StringComparison.Ordinal);
        Assert.Contains("小規模事業者", terms, StringComparison.Ordinal);
        Assert.DoesNotContain("1/2以内（小規模事業者は2/3以内）", report.Text("main"), StringComparison.Ordinal);
        Assert.Equal("3,000,000", report.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));

        // Saved lines come back as written too.
        await client.SubmitFormAsync(report, [("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-10)), ("Lines[0].AmountYen", "2500000")], submit: ("intent", "save"));
        var saved = await client.GetAsync(reportUrl);
        Assert.Equal("2,500,000", saved.Document.QuerySelector("#Lines_0__AmountYen")?.GetAttribute("value"));
        Assert.Contains("2/3", (await client.GetAsync(reportUrl + "?culture=en")).Text(".applied-terms"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyDates_AskToEnterThem_MistypedOnesShowTheExample_AndTheAmountPayableIsWrittenWithoutStraySpaces()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";
        var report = await client.GetAsync(reportUrl);

        var noDate = await client.SubmitFormAsync(report, [("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", "")], submit: ("intent", "save"));
        var badDate = await client.SubmitFormAsync(noDate, [("Lines[0].InvoiceDate", "先月末")], submit: ("intent", "save"));
        Assert.Equal("請求書の日付を入力してください", noDate.ErrorFor("Lines_0__InvoiceDate"));
        Assert.Equal("請求書の日付を「2027-01-31」の形で入力してください", badDate.ErrorFor("Lines_0__InvoiceDate"));

        await client.SubmitFormAsync(badDate, [("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-10))], submit: ("intent", "submit"), files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer, StaffRoles.Supervisor);
        var form = $"form[action='/review/{applicationId}/report']";
        var review = await reviewer.GetAsync($"/review/{applicationId}");
        var over = await reviewer.SubmitFormAsync(review, [("Report.Decision", "confirm"), ("Report.PayableYen", "1,000,001")], formSelector: form);
        var empty = await reviewer.SubmitFormAsync(over, [("Report.PayableYen", "")], formSelector: form);
        Assert.Equal("支払額を0円以上、上限1,000,000円以下の整数で入力してください", over.ErrorFor("Report_PayableYen"));
        Assert.Equal("支払額を入力してください", empty.ErrorFor("Report_PayableYen"));

        var confirmed = await reviewer.SubmitFormAsync(empty, [("Report.PayableYen", "1,000,000")], formSelector: form);
        var payment = $"form[action='/review/{applicationId}/payment']";
        var noPaidOn = await reviewer.SubmitFormAsync(confirmed, [("Payment.PaidOn", ""), ("Payment.Reference", "FB-1")], formSelector: payment);
        var badPaidOn = await reviewer.SubmitFormAsync(noPaidOn, [("Payment.PaidOn", "月末")], formSelector: payment);
        Assert.Equal("支払日を入力してください", noPaidOn.ErrorFor("Payment_PaidOn"));
        Assert.Equal("支払日を「2027-03-31」の形で入力してください", badPaidOn.ErrorFor("Payment_PaidOn"));
        var english = await reviewer.SubmitFormAsync(await reviewer.GetAsync($"/review/{applicationId}?culture=en"), [("Payment.PaidOn", ""), ("Payment.Reference", "FB-1")], formSelector: payment);
        Assert.Equal("Enter the payment date", english.ErrorFor("Payment_PaidOn"));
    }

    [Fact]
    public async Task AReport_WithInvoicesDatedAfterToday_OrOutsideThePeriod_OrAmountsBelowOneYen_IsRefusedBesideEachField()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var report = await client.GetAsync($"/businesses/{businessId}/applications/{applicationId}/report");

        // As in the walk-through: invoices dated after the day of the report (one within the period, one after its
        // start), one dated before the project, a zero and a negative amount.
        var refused = await client.SubmitFormAsync(
            report,
            [
                ("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(1)), ("Lines[0].AmountYen", "0"),
                ("Lines[1].Category", "Machinery"), ("Lines[1].Vendor", "株式会社サンプル機械"), ("Lines[1].InvoiceNumber", "INV-2"),
                ("Lines[1].InvoiceDate", SmeAppFactory.JapanDay(40)), ("Lines[1].AmountYen", "-5,000"),
                ("Lines[2].Category", "Machinery"), ("Lines[2].Vendor", "株式会社サンプル機械"), ("Lines[2].InvoiceNumber", "INV-3"),
                ("Lines[2].InvoiceDate", SmeAppFactory.JapanDay(-91)), ("Lines[2].AmountYen", "100,000"),
            ],
            submit: ("intent", "submit"),
            files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);

        Assert.Contains("本日", refused.ErrorFor("Lines_0__InvoiceDate"), StringComparison.Ordinal);
        Assert.Contains("本日", refused.ErrorFor("Lines_1__InvoiceDate"), StringComparison.Ordinal);
        Assert.Contains("事業期間", refused.ErrorFor("Lines_2__InvoiceDate"), StringComparison.Ordinal);
        Assert.Contains("1円以上", refused.ErrorFor("Lines_0__AmountYen"), StringComparison.Ordinal);
        Assert.Contains("1円以上", refused.ErrorFor("Lines_1__AmountYen"), StringComparison.Ordinal);
        Assert.Null(refused.ErrorFor("Lines_2__AmountYen"));
        // The summary links each message to its field; nothing typed is lost.
        var links = refused.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Lines_0__InvoiceDate", links);
        Assert.Contains("#Lines_2__InvoiceDate", links);
        Assert.Equal(SmeAppFactory.JapanDay(40), refused.Document.QuerySelector("#Lines_1__InvoiceDate")?.GetAttribute("value"));
        Assert.Equal("-5,000", refused.Document.QuerySelector("#Lines_1__AmountYen")?.GetAttribute("value"));
        var stored = await factory.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.ReportLines).SingleAsync(a => a.Id == applicationId));
        Assert.Equal(ApplicationStatus.GrantDecided, stored.Status);
        Assert.Empty(stored.ReportLines);

        // The same in English.
        var english = await client.SubmitFormAsync(await client.GetAsync($"/businesses/{businessId}/applications/{applicationId}/report?culture=en"),
            [("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(1))], submit: ("intent", "save"));
        Assert.Contains("later than today", english.ErrorFor("Lines_0__InvoiceDate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportWithInvoicesOutsideThePeriod_IsMarkedForTheReviewer_NeitherConfirmedNorPaid_AndGoesBack()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";
        await client.SubmitFormAsync(
            await client.GetAsync(reportUrl),
            [
                ("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-10)),
                ("Lines[1].Category", "Machinery"), ("Lines[1].Vendor", "株式会社サンプル機械"), ("Lines[1].InvoiceNumber", "INV-2"),
                ("Lines[1].InvoiceDate", SmeAppFactory.JapanDay(-5)), ("Lines[1].AmountYen", "200,000"),
            ],
            submit: ("intent", "submit"),
            files: [("Invoices", "請求書.pdf", SampleFiles.Pdf())]);
        Assert.Equal(ApplicationStatus.ReportSubmitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        // Dated as the walk-through's report, accepted before the rule: one line before the project, one after the day it came in.
        await factory.WithDbAsync(db => db.ReportLines.Where(l => l.ApplicationId == applicationId && l.Position == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.InvoiceDate, SmeAppFactory.JapanToday(-91))));
        await factory.WithDbAsync(db => db.ReportLines.Where(l => l.ApplicationId == applicationId && l.Position == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.InvoiceDate, SmeAppFactory.JapanToday(5))));

        // The reviewer sees each line that cannot stand, and cannot confirm an amount while one does.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer, StaffRoles.Supervisor);
        var review = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Contains("2件", review.Text("[data-date-problems]"), StringComparison.Ordinal);
        Assert.Contains("事業期間外の日付", review.Text("tr[data-date-problem=OutsidePeriod]"), StringComparison.Ordinal);
        Assert.Contains("報告日より後の日付", review.Text("tr[data-date-problem=AfterReportDay]"), StringComparison.Ordinal);
        Assert.Equal("0円", review.Text("[data-payable-limit]"));
        var form = $"form[action='/review/{applicationId}/report']";
        var confirm = await reviewer.SubmitFormAsync(review, [("Report.Decision", "confirm"), ("Report.PayableYen", "0")], formSelector: form);
        Assert.Contains("差し戻してください", confirm.ErrorFor("Report_Decision"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.ReportSubmitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));

        // One confirmed before the rule (as the walk-through's was) is not paid: no payment form, and a posted one is refused.
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.AmountConfirmed).SetProperty(a => a.PayableYen, 100_000L)));
        var confirmed = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Null(confirmed.Document.QuerySelector($"form[action='/review/{applicationId}/payment']"));
        Assert.Contains("支払を記録できません", confirmed.Text("[data-payment-refused]"), StringComparison.Ordinal);
        var version = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync());
        var posted = await reviewer.PostAsync($"/review/{applicationId}/payment", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = confirmed.AntiforgeryToken,
            ["Payment.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Payment.PaidOn"] = SmeAppFactory.JapanDay(0),
            ["Payment.Reference"] = "FB-1",
        });
        Assert.Contains(posted.ErrorSummary, m => m.Contains("支払を記録できません", StringComparison.Ordinal));
        var unpaid = await factory.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal((ApplicationStatus.AmountConfirmed, (DateOnly?)null), (unpaid.Status, unpaid.PaidOn));

        // It can only go back to the applicant, with a reason; the confirmed amount goes with it.
        Assert.Null(confirmed.Document.QuerySelector("#Report_Decision option[value=confirm]"));
        var returned = await reviewer.SubmitFormAsync(confirmed, [("Report.Decision", "return"), ("Report.Reason", "請求書の日付が事業期間外です")], formSelector: form);
        Assert.Contains("差し戻しました", returned.Text("main"), StringComparison.Ordinal);
        var back = await factory.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal((ApplicationStatus.ReportReturned, (long?)null), (back.Status, back.PayableYen));
    }

    [Fact]
    public async Task AReturnedReport_IsCorrectedAndSubmittedAgain_AndAReportIsRefusedBeforeTheGrant()
    {
        var (client, businessId, applicationId) = await GrantedAsync();
        using var _ = client;
        var reportUrl = $"/businesses/{businessId}/applications/{applicationId}/report";
        await client.SubmitFormAsync(await client.GetAsync(reportUrl), [("Lines[0].InvoiceNumber", "INV-1"), ("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-20))],
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
        await client.SubmitFormAsync(again, [("Lines[0].InvoiceDate", SmeAppFactory.JapanDay(-18))], submit: ("intent", "submit"));
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
