using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Integrity;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.IntegrationTests.Integrity;

/// <summary>The integrity checks through HTTP: the applicant's own warnings, the flags staff see and decide.</summary>
[Collection(nameof(PortalCollection))]
public class IntegrityTests(SmeAppFactory factory)
{
    /// <summary>
    /// A signed-in owner of a verified business named <paramref name="name"/> with one submitted (returned, so claiming)
    /// application; the fixture's line: T7000012050002 / Q-1, ¥3,000,000, 2027-01-04 to 2027-09-30.
    /// </summary>
    private async Task<(PortalClient Client, TestUser Owner, Web.Data.Businesses.Business Business, int ApplicationId)> ApplicantAsync(string name = "テスト工業株式会社")
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Name, name)));
        business = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().SingleAsync(b => b.Id == business.Id));
        var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        return (client, owner, business, applicationId);
    }

    [Fact]
    public async Task AnApplicant_SeesADoubleClaimedLineOfTheirOwn_BeforeSubmitting_AndCanFixIt()
    {
        var (client, owner, business, first) = await ApplicantAsync();
        using var _ = client;
        var second = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var number = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == first).Select(a => a.Number).SingleAsync());
        var check = $"/businesses/{business.Id}/applications/{second}/check";

        var page = await client.GetAsync(check);

        var warning = page.Text("[data-integrity-warnings] li[data-rule=DoubleReceipt]");
        Assert.Contains("二重受給の疑い", warning, StringComparison.Ordinal);
        Assert.Contains(number!, warning, StringComparison.Ordinal);
        Assert.Contains("同じ経費が 1 行あります", warning, StringComparison.Ordinal);
        var fix = page.Document.QuerySelector("[data-integrity-warnings] li[data-rule=DoubleReceipt] a")!.GetAttribute("href");
        Assert.Equal($"/businesses/{business.Id}/applications/{second}/expenses", fix);

        // A reviewer opening it raises the flag.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        await reviewer.GetAsync($"/review/{second}");
        Task<FlagState> StateAsync() => factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.ApplicationId == second && f.Rule == IntegrityRule.DoubleReceipt).Select(f => f.State).SingleAsync());
        Assert.Equal(FlagState.Open, await StateAsync());

        // It was the wrong quote: the applicant corrects the line, the warning is gone, and the flag is cleared.
        var expenses = await client.GetAsync(fix!);
        await client.SubmitFormAsync(expenses, [("Lines[0].QuoteNumber", "Q-2"), ("Lines[0].AmountYen", "2,400,000"), ("RequestedYen", "1,000,000")], submit: ("intent", "next"));
        Assert.Null((await client.GetAsync(check)).Document.QuerySelector("[data-integrity-warnings]"));
        await reviewer.GetAsync($"/review/{second}");
        Assert.Equal(FlagState.Cleared, await StateAsync());

        // Put back as it was, the same finding opens the same flag again.
        await client.SubmitFormAsync(await client.GetAsync(fix!), [("Lines[0].QuoteNumber", "Q-1"), ("Lines[0].AmountYen", "3,000,000")], submit: ("intent", "next"));
        await reviewer.GetAsync($"/review/{second}");
        Assert.Equal(FlagState.Open, await StateAsync());
    }

    [Fact]
    public async Task AMatchAgainstAnotherBusiness_IsShownOnlyToStaff_WhoDismissItWithAReason_Audited()
    {
        var (other, _, otherBusiness, otherApplication) = await ApplicantAsync("別会社精機株式会社");
        other.Dispose();
        var (client, _, business, applicationId) = await ApplicantAsync();
        using var _ = client;
        // An invoice only these two claim (the fixture's quote number is everyone's).
        var invoice = $"INV-{Guid.NewGuid():N}"[..20];
        await factory.WithDbAsync(async db =>
        {
            // Saved as the application's pages save them: the stored invoice key follows the number.
            foreach (var line in await db.ExpenseLines.Where(e => e.ApplicationId == applicationId || e.ApplicationId == otherApplication).ToListAsync())
            {
                line.QuoteNumber = invoice;
            }

            return await db.SaveChangesAsync();
        });

        // The applicant sees nothing of the other business's claim.
        var check = await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check");
        Assert.Null(check.Document.QuerySelector("[data-integrity-warnings]"));
        Assert.DoesNotContain(otherBusiness.Name, check.Text("main"), StringComparison.Ordinal);

        // The reviewer opening it does.
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var review = await reviewer.GetAsync($"/review/{applicationId}");
        var flag = review.Document.QuerySelector("li.flag[data-rule=SharedInvoice]")!;
        Assert.Contains("同じ請求書をほかの事業者も計上", flag.TextContent, StringComparison.Ordinal);
        Assert.Contains(otherBusiness.Name, flag.TextContent, StringComparison.Ordinal);
        Assert.Contains("この申請の経費 1 行目 と 照合先の経費 1 行目（同じ請求書）", flag.TextContent, StringComparison.Ordinal);
        var form = $"li.flag[data-rule=SharedInvoice] form";

        // Dismissing needs a reason: the error stands beside the field, in the summary too.
        var refused = await reviewer.SubmitFormAsync(review, [], formSelector: form, submit: ("decision", "dismiss"));
        var flagId = await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.ApplicationId == applicationId && f.Rule == IntegrityRule.SharedInvoice).Select(f => f.Id).SingleAsync());
        Assert.Contains("指摘を退ける理由を入力してください", refused.ErrorFor($"Flag{flagId}_Reason"), StringComparison.Ordinal);
        Assert.Contains("指摘を退ける理由を入力してください", Assert.Single(refused.ErrorSummary), StringComparison.Ordinal);
        Assert.Equal(FlagState.Open, await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.Id == flagId).Select(f => f.State).SingleAsync()));

        var dismissed = await reviewer.SubmitFormAsync(refused, [($"Flag{flagId}.Reason", "同じ機械の共同購入で、按分を確認済み")], formSelector: form, submit: ("decision", "dismiss"));
        Assert.Contains("指摘を退けました", dismissed.Text("main"), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().SingleAsync(f => f.Id == flagId));
        Assert.Equal((FlagState.Dismissed, "同じ機械の共同購入で、按分を確認済み"), (stored.State, stored.DecisionReason));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "flag.dismiss" && e.SubjectId == flagId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // Opened again: the same finding is not raised twice, and a decided flag has no form.
        var again = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Equal(1, await factory.WithDbAsync(db => db.IntegrityFlags.CountAsync(f => f.ApplicationId == applicationId && f.Rule == IntegrityRule.SharedInvoice)));
        Assert.Null(again.Document.QuerySelector(form));
    }

    [Fact]
    public async Task ASubmission_RaisesItsFlagsForTheReviewers()
    {
        var (client, owner, business, first) = await ApplicantAsync();
        using var _ = client;
        var second = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);

        var check = await client.GetAsync($"/businesses/{business.Id}/applications/{second}/check");
        var receipt = await client.SubmitFormAsync(check, [], formSelector: "main form[action$='/submit']");
        Assert.Equal(HttpStatusCode.OK, receipt.Status);

        // The checks run just after the commit, off the submission's path.
        IntegrityFlag? flag = null;
        for (var waited = 0; flag is null && waited < 50; waited++)
        {
            await Task.Delay(100);
            flag = await factory.WithDbAsync(db => db.IntegrityFlags.AsNoTracking().FirstOrDefaultAsync(f => f.ApplicationId == second));
        }

        Assert.NotNull(flag);
        Assert.Equal((IntegrityRule.DoubleReceipt, FlagSeverity.High, FlagSource.Submission, first), (flag.Rule, flag.Severity, flag.RaisedBy, flag.OtherApplicationId));
    }

    [Fact]
    public async Task AFlagOfAnotherApplication_IsNotFound()
    {
        var (client, owner, business, first) = await ApplicantAsync();
        client.Dispose();
        var second = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        await reviewer.GetAsync($"/review/{second}");
        var flagId = await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.ApplicationId == second && f.Rule == IntegrityRule.DoubleReceipt).Select(f => f.Id).SingleAsync());

        var page = await reviewer.GetAsync($"/review/{first}");
        var response = await reviewer.PostWithoutFollowingAsync($"/review/{first}/flags/{flagId}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken,
            ["decision"] = "confirm",
            ["version"] = "0",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(FlagState.Open, await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.Id == flagId).Select(f => f.State).SingleAsync()));
    }

    [Fact]
    public async Task AScanStartedByASupervisor_ChecksEveryClaim_ShowsItsProgress_AndRaisesWhatItFinds()
    {
        var (client, owner, business, first) = await ApplicantAsync();
        client.Dispose();
        var second = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        // The checks their submissions owed run first and raise flags of their own: once done, those go, so that what
        // is found below is the scan's.
        for (var waited = 0; waited < 100 && await factory.WithDbAsync(db => db.IntegrityCheckJobs.AnyAsync(j => (j.ApplicationId == first || j.ApplicationId == second) && j.DoneAtUtc == null)); waited++)
        {
            await Task.Delay(100);
        }

        await factory.WithDbAsync(db => db.IntegrityFlags.Where(f => f.ApplicationId == first || f.ApplicationId == second).ExecuteDeleteAsync());
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var refused = await reviewer.PostWithoutFollowingAsync("/review/scans", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = (await reviewer.GetAsync("/review/scans")).AntiforgeryToken,
        });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var supervisor = await factory.CreateSignedInStaffClientAsync(StaffRoles.Supervisor);
        await supervisor.SubmitFormAsync(await supervisor.GetAsync("/review/scans"), [], formSelector: "main form[action='/review/scans']");
        IntegrityScan? scan = null;
        for (var waited = 0; scan?.State is not ScanState.Finished && waited < 300; waited++)
        {
            await Task.Delay(100);
            scan = await factory.WithDbAsync(db => db.IntegrityScans.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync());
        }

        Assert.Equal(ScanState.Finished, scan?.State);
        Assert.True(scan!.Total >= 2 && scan.Done == scan.Total, $"{scan.Done} of {scan.Total}");
        var flags = await factory.WithDbAsync(db => db.IntegrityFlags.AsNoTracking()
            .Where(f => (f.ApplicationId == first || f.ApplicationId == second) && f.Rule == IntegrityRule.DoubleReceipt).ToListAsync());
        Assert.Equal([(first, second), (second, first)], flags.Select(f => (f.ApplicationId, f.OtherApplicationId!.Value)).Order());
        Assert.All(flags, f => Assert.Equal(FlagSource.Scan, f.RaisedBy));

        var page = await supervisor.GetAsync("/review/scans");
        Assert.Contains("完了", page.Text($"tr[data-scan='{scan.Id}']"), StringComparison.Ordinal);
        Assert.Contains("（100%）", page.Text($"tr[data-scan='{scan.Id}']"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "integrity.scan.requested")));
    }
}
