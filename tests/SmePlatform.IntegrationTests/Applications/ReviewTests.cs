using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>The reviewers' workspace: queue, assignment, decisions, the grant, concurrency and the audit trail.</summary>
[Collection(nameof(PortalCollection))]
public class ReviewTests(SmeAppFactory factory)
{
    /// <summary>An owner with a verified, complete business and an application submitted once (round 1, then returned and resubmitted: round 2).</summary>
    private async Task<(TestUser Owner, int BusinessId, int ApplicationId)> SubmittedAsync()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        var applicationId = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var receipt = await client.SubmitFormAsync(await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check"), []);
        Assert.EndsWith("/receipts/2", receipt.Url.AbsolutePath, StringComparison.Ordinal);
        return (owner, business.Id, applicationId);
    }

    private static string Today(int days) => JapanTime.DateOf(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheWholeLifecycle_ReturnCorrectResubmitSelectGrant_IsSeenByTheApplicant_AndAudited()
    {
        var (owner, businessId, applicationId) = await SubmittedAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        using var supervisor = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer, StaffRoles.Supervisor);
        using var applicant = factory.CreatePortalClient();
        await applicant.SignInAsync(owner);

        var queue = await reviewer.GetAsync("/review?status=Resubmitted");
        Assert.Contains(queue.Document.QuerySelectorAll("main table a"), a => a.GetAttribute("href") == $"/review/{applicationId}");
        var page = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Contains("中小 太郎", page.Text("main"), StringComparison.Ordinal);
        page = await reviewer.SubmitFormAsync(page, [], formSelector: $"form[action='/review/{applicationId}/assign']", submit: ("take", "me"));
        Assert.Contains("審査中", page.Text("main dl"), StringComparison.Ordinal);

        // Return without the required parts: refused beside the fields, nothing typed lost.
        var decide = $"form[action='/review/{applicationId}/decide']";
        var refused = await reviewer.SubmitFormAsync(page, [("Decision", "Return"), ("Reason", "計画の記載が不足しています")], formSelector: decide);
        Assert.NotNull(refused.ErrorFor("CorrectionDue"));
        Assert.NotNull(refused.ErrorFor("Fields_0__Key"));
        Assert.Equal("計画の記載が不足しています", refused.Text("#Reason"));
        page = await reviewer.SubmitFormAsync(refused, [("CorrectionDue", Today(7)), ("Fields[0].Key", "theme"), ("Fields[0].Reason", "事業計画名を具体的にしてください")], formSelector: decide);
        Assert.Contains("差戻し", page.Text("main dl"), StringComparison.Ordinal);

        // The applicant sees what to correct, beside the step, with the deadline; corrects and resubmits.
        var plan = await applicant.GetAsync($"/businesses/{businessId}/applications/{applicationId}/sections/plan");
        Assert.Contains("事業計画名を具体的にしてください", plan.Text(".notice-warning"), StringComparison.Ordinal);
        Assert.Contains("17:00", plan.Text(".notice-warning"), StringComparison.Ordinal);
        await applicant.SubmitFormAsync(plan, [("Answers.theme", "NC旋盤導入による納期の半減")], submit: ("intent", "next"), files: []);
        var receipt = await applicant.SubmitFormAsync(await applicant.GetAsync($"/businesses/{businessId}/applications/{applicationId}/check"), []);
        Assert.EndsWith("/receipts/3", receipt.Url.AbsolutePath, StringComparison.Ordinal);

        page = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Contains("NC旋盤導入による納期の半減", page.Text("main"), StringComparison.Ordinal);
        page = await reviewer.SubmitFormAsync(page, [], formSelector: $"form[action='/review/{applicationId}/assign']", submit: ("take", "me"));
        page = await reviewer.SubmitFormAsync(page, [("Decision", "Select"), ("Reason", "計画が具体的で実現性が高い")], formSelector: decide);
        Assert.Contains("採択", page.Text("main dl"), StringComparison.Ordinal);
        // Only a Supervisor decides the grant.
        Assert.Null(page.Document.QuerySelector($"form[action='/review/{applicationId}/grant']"));
        var forbidden = await reviewer.PostWithoutFollowingAsync($"/review/{applicationId}/grant", new Dictionary<string, string> { ["__RequestVerificationToken"] = page.AntiforgeryToken, ["GrantedYen"] = "1", ["Reason"] = "x", ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var grantPage = await supervisor.GetAsync($"/review/{applicationId}");
        var grant = $"form[action='/review/{applicationId}/grant']";
        var over = await supervisor.SubmitFormAsync(grantPage, [("GrantedYen", "1,000,001"), ("Reason", "審査会の結果")], formSelector: grant);
        Assert.Contains("1,000,000円", over.ErrorFor("GrantedYen"), StringComparison.Ordinal);
        var granted = await supervisor.SubmitFormAsync(over, [("GrantedYen", "900,000")], formSelector: grant);
        Assert.Contains("交付決定", granted.Text("main dl"), StringComparison.Ordinal);

        var mine = await applicant.GetAsync($"/businesses/{businessId}/applications/{applicationId}");
        Assert.Contains("900,000円", mine.Text("main"), StringComparison.Ordinal);
        var timeline = mine.Document.QuerySelectorAll(".timeline > li").Select(li => li.TextContent).ToList();
        // (The fixture took round 1 through review and returned it, as the product does.)
        Assert.Equal(["下書き", "申請済み", "審査中", "差戻し", "再申請済み", "審査中", "差戻し", "再申請済み", "審査中", "採択", "交付決定"],
            timeline.Select(text => text.Trim().Split(' ', '（', '—')[0].Trim()).Select(s => s.StartsWith("差戻し", StringComparison.Ordinal) ? "差戻し" : s).ToList());
        Assert.Contains("計画が具体的で実現性が高い", mine.Text(".timeline"), StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectType == "Application" && e.SubjectId == applicationId.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Contains("application.viewed", audit);
        Assert.Contains("application.ReturnedForCorrection", audit);
        Assert.Contains("application.Selected", audit);
        Assert.Contains("application.GrantDecided", audit);
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.InApp);
        Assert.Contains("交付決定", (await applicant.GetAsync("/notices")).Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AResubmittedApplication_OffersItsAssigneeToResumeTheReview_KeepingTheAssignee_AndIsAudited()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        var assignee = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        using var reviewer = factory.CreatePortalClient();
        await reviewer.SignInAsync(assignee);
        using var colleague = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        // Resubmitted after a return, as the tester found it: still assigned to the reviewer who returned it.
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.AssigneeUserId, assignee.Id)));
        var resume = $"form[action='/review/{applicationId}/resume']";

        var page = await reviewer.GetAsync($"/review/{applicationId}");
        Assert.Contains("再申請済み", page.Text("main dl"), StringComparison.Ordinal);
        Assert.Contains("修正して再申請しました", page.Text("[data-resume]"), StringComparison.Ordinal);
        Assert.Equal("審査を再開する", page.Document.QuerySelector($"{resume} button[type=submit]")?.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector($"form[action='/review/{applicationId}/decide']"));

        // Anyone else is told who has it, and cannot resume it for them.
        var theirs = await colleague.GetAsync($"/review/{applicationId}");
        Assert.Contains("試験 利用者", theirs.Text("[data-resume]"), StringComparison.Ordinal);
        Assert.Null(theirs.Document.QuerySelector(resume));
        var refused = await colleague.PostAsync($"/review/{applicationId}/resume", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = theirs.AntiforgeryToken,
            ["version"] = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Version).SingleAsync()) is var v ? v.ToString(CultureInfo.InvariantCulture) : "",
        });
        Assert.NotEmpty(refused.ErrorSummary);
        Assert.Equal(ApplicationStatus.Resubmitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));

        var resumed = await reviewer.SubmitFormAsync(page, [], formSelector: resume);

        Assert.Contains("審査中", resumed.Text("main dl"), StringComparison.Ordinal);
        Assert.NotNull(resumed.Document.QuerySelector($"form[action='/review/{applicationId}/decide']"));
        Assert.Null(resumed.Document.QuerySelector("[data-resume]"));
        var stored = await factory.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId));
        Assert.Equal((ApplicationStatus.UnderReview, assignee.Id), (stored.Status, stored.AssigneeUserId));
        var id = applicationId.ToString(CultureInfo.InvariantCulture);
        // The resumption (round 1's review, made by the fixture, is audited too).
        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectType == "Application" && e.SubjectId == id && e.Action == "application.UnderReview" && e.Details == "Resubmitted → UnderReview").ToListAsync());
        Assert.Equal(assignee.Id, Assert.Single(audit).ActorUserId);
        Assert.True(await factory.WithDbAsync(db => db.ApplicationTransitions.AnyAsync(x => x.ApplicationId == applicationId && x.From == ApplicationStatus.Resubmitted && x.To == ApplicationStatus.UnderReview && x.ByUserId == assignee.Id)));
    }

    [Fact]
    public async Task AReturnedApplication_ItsStatusPage_SaysWhatWasAskedByWhenAndWhereToCorrectIt()
    {
        var (owner, businessId, applicationId) = await SubmittedAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var page = await reviewer.SubmitFormAsync(await reviewer.GetAsync($"/review/{applicationId}"), [], formSelector: $"form[action='/review/{applicationId}/assign']", submit: ("take", "me"));
        var due = JapanTime.DateOf(DateTime.UtcNow).AddDays(7);
        await reviewer.SubmitFormAsync(page,
            [("Decision", "Return"), ("Reason", "計画の記載が不足しています"), ("CorrectionDue", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
             ("Fields[0].Key", "theme"), ("Fields[0].Reason", "事業計画名を具体的にしてください"), ("Fields[1].Key", "expenses"), ("Fields[1].Reason", "見積書の番号を入れてください")],
            formSelector: $"form[action='/review/{applicationId}/decide']");
        using var applicant = factory.CreatePortalClient();
        await applicant.SignInAsync(owner);
        var path = $"/businesses/{businessId}/applications/{applicationId}";

        var status = await applicant.GetAsync(path);

        // No link to the page itself, and no step bar with a step of the journey as the current one.
        Assert.Empty(status.Document.QuerySelectorAll($"main a[href='{path}']"));
        Assert.Null(status.Document.QuerySelector("main nav.steps"));
        Assert.Null(status.Document.QuerySelector("main [aria-current=step]"));
        // One box: the reviewer's reason, each item with a link to where it is corrected, and the deadline.
        var box = status.Document.QuerySelector("[data-corrections]");
        Assert.NotNull(box);
        Assert.Contains("修正をお願いしている点", box.TextContent, StringComparison.Ordinal);
        Assert.Contains("計画の記載が不足しています", box.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{due.Month}月{due.Day}日 17:00", box.TextContent, StringComparison.Ordinal);
        var items = box.QuerySelectorAll("li").Select(li => (Text: li.TextContent.Trim(), Link: li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("事業計画名: 事業計画名を具体的にしてください", items[0].Text);
        Assert.Equal($"{path}/sections/plan", items[0].Link);
        Assert.Equal("経費明細: 見積書の番号を入れてください", items[1].Text);
        Assert.Equal($"{path}/expenses", items[1].Link);
        var english = (await applicant.GetAsync(path + "?culture=en")).Document.QuerySelector("[data-corrections]")!.TextContent;
        Assert.Contains("What to correct", english, StringComparison.Ordinal);
        Assert.Contains("17:00 JST", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakingIt_AssignsTheSignedInStaffMember_NotTheFirstNameInTheList_AndIsAudited()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        var supervisor = await factory.CreateUserAsync([StaffRoles.Reviewer, StaffRoles.Supervisor], twoFactor: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(supervisor);
        var page = await client.GetAsync($"/review/{applicationId}");
        var form = $"form[action='/review/{applicationId}/assign']";
        var firstInList = page.Document.QuerySelector($"{form} select option")!.GetAttribute("value")!;
        Assert.NotEqual(supervisor.Id, firstInList);

        // As a browser sends it: the list's choice (its first name) and the button pressed, as the page names it.
        var take = page.Document.QuerySelectorAll($"{form} button").Single(b => b.TextContent.Trim() == "自分が担当する");
        var taken = await client.SubmitFormAsync(page, [("assignee", firstInList)], formSelector: form, submit: (take.GetAttribute("name")!, take.GetAttribute("value")!));

        Assert.Equal(supervisor.Id, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.AssigneeUserId).SingleAsync()));
        Assert.Contains("審査中", taken.Text("main dl"), StringComparison.Ordinal);
        Assert.Equal(supervisor.Id, taken.Document.QuerySelector($"{form} select option[selected]")?.GetAttribute("value"));

        // The other button assigns whoever is chosen in the list.
        var assigned = await client.SubmitFormAsync(taken, [("assignee", firstInList)], formSelector: form);
        Assert.Equal(firstInList, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.AssigneeUserId).SingleAsync()));
        Assert.Contains("担当者を割り当てました", assigned.Text("main"), StringComparison.Ordinal);

        // Both audited: who did it (the actor) and to whom (by id, never by name).
        var id = applicationId.ToString(CultureInfo.InvariantCulture);
        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "application.assigned" && e.SubjectId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([$"assignee {supervisor.Id}", $"assignee {firstInList}"], audit.Select(e => e.Details));
        Assert.All(audit, e => Assert.Equal(supervisor.Id, e.ActorUserId));
    }

    [Fact]
    public async Task ReturningForCorrection_EmailsTheOwnerTheReasonsAndTheDeadline_Once()
    {
        var (owner, businessId, applicationId) = await SubmittedAsync();
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.Email);
        var before = factory.Mailbox.MessagesTo(owner.Email).Count;
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var page = await reviewer.SubmitFormAsync(await reviewer.GetAsync($"/review/{applicationId}"), [("assignee", "me")], formSelector: $"form[action='/review/{applicationId}/assign']");
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.Email);
        before = factory.Mailbox.MessagesTo(owner.Email).Count; // (taking it into review told the owner too)
        var due = JapanTime.DateOf(DateTime.UtcNow).AddDays(7);

        await reviewer.SubmitFormAsync(page,
            [("Decision", "Return"), ("Reason", "計画の記載が不足しています"), ("CorrectionDue", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
             ("Fields[0].Key", "theme"), ("Fields[0].Reason", "事業計画名を具体的にしてください"), ("Fields[1].Key", "expenses"), ("Fields[1].Reason", "見積書の番号を入れてください")],
            formSelector: $"form[action='/review/{applicationId}/decide']");
        await factory.DeliverOutboxAsync(m => m.Channel == Web.Data.Messaging.OutboxChannel.Email);

        var email = Assert.Single(factory.Mailbox.MessagesTo(owner.Email).Skip(before));
        var number = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Number).SingleAsync());
        Assert.Contains($"申請 {number} が差し戻されました", email.Subject, StringComparison.Ordinal);
        var body = email.TextBody;
        Assert.Contains("計画の記載が不足しています", body, StringComparison.Ordinal);
        Assert.Contains("・事業計画名: 事業計画名を具体的にしてください", body, StringComparison.Ordinal);
        Assert.Contains("・経費明細: 見積書の番号を入れてください", body, StringComparison.Ordinal);
        Assert.Contains($"{due.Month}月{due.Day}日 17:00までに再申請してください", body, StringComparison.Ordinal);
        Assert.Contains($"resubmit it by {due.Day} {due.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}, 17:00 JST", body, StringComparison.Ordinal);
        Assert.Contains($"{factory.PublicBaseUrl}/businesses/{businessId}/applications/{applicationId}", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoReviewersDecidingAtOnce_OneWins_TheOtherIsToldAndKeepsWhatTheyTyped()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        using var first = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        using var second = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var taken = await first.SubmitFormAsync(await first.GetAsync($"/review/{applicationId}"), [], formSelector: $"form[action='/review/{applicationId}/assign']", submit: ("take", "me"));
        var secondPage = await second.GetAsync($"/review/{applicationId}");
        var decide = $"form[action='/review/{applicationId}/decide']";

        var answers = await Task.WhenAll(
            first.SubmitFormAsync(taken, [("Decision", "Select"), ("Reason", "一人目の判断")], formSelector: decide),
            second.SubmitFormAsync(secondPage, [("Decision", "NotSelect"), ("Reason", "二人目の判断")], formSelector: decide));

        var decisions = await factory.WithDbAsync(db => db.ApplicationTransitions.Where(t => t.ApplicationId == applicationId && (t.To == ApplicationStatus.Selected || t.To == ApplicationStatus.NotSelected)).ToListAsync());
        Assert.Single(decisions);
        var loser = decisions[0].Reason == "一人目の判断" ? answers[1] : answers[0];
        Assert.Contains("先にこの申請を変更しました", loser.Text(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(decisions[0].Reason == "一人目の判断" ? "二人目の判断" : "一人目の判断", loser.Text("#UnrecordedReason"));
    }

    [Fact]
    public async Task TheQueue_FiltersByMeasureStatusAssigneeAndAge()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var monozukuri = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "monozukuri-2026").Select(m => m.Id).SingleAsync());
        var itDonyu = await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Slug == "it-donyu-2026").Select(m => m.Id).SingleAsync());
        string Row(Page page) => string.Join(' ', page.Document.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")));
        var link = $"/review/{applicationId}";

        Assert.Contains(link, Row(await reviewer.GetAsync($"/review?measure={monozukuri}&assignee=none")), StringComparison.Ordinal);
        Assert.DoesNotContain(link, Row(await reviewer.GetAsync($"/review?measure={itDonyu}")), StringComparison.Ordinal);
        Assert.DoesNotContain(link, Row(await reviewer.GetAsync("/review?assignee=me")), StringComparison.Ordinal);
        Assert.DoesNotContain(link, Row(await reviewer.GetAsync("/review?olderThanDays=3")), StringComparison.Ordinal);
        await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmittedAtUtc, DateTime.UtcNow.AddDays(-4))));
        Assert.Contains(link, Row(await reviewer.GetAsync("/review?olderThanDays=3")), StringComparison.Ordinal);
        Assert.DoesNotContain(link, Row(await reviewer.GetAsync("/review?status=Selected")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyReviewers_SeeIndividualApplications()
    {
        var (owner, _, applicationId) = await SubmittedAsync();
        using var analyst = await factory.CreateSignedInStaffClientAsync(StaffRoles.Analyst);
        using var applicant = factory.CreatePortalClient();
        await applicant.SignInAsync(owner);

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/review/{applicationId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/review")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/review/{applicationId}")).Status);
    }

    [Fact]
    public async Task AnAttachmentDownloadedByAReviewer_IsRecorded()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var page = await reviewer.GetAsync($"/review/{applicationId}");
        var href = page.Document.QuerySelector("a[href*='/attachments/']")!.GetAttribute("href")!;

        var file = await reviewer.Http.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await file.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
        var attachmentId = href[(href.LastIndexOf('/') + 1)..];
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "attachment.downloaded" && e.SubjectId == attachmentId)));
    }

    [Fact]
    public async Task TheAuditLog_CannotBeChanged_TheDatabaseRefuses()
    {
        var (_, _, applicationId) = await SubmittedAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        await reviewer.GetAsync($"/review/{applicationId}");
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync()));

        var update = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Action = 'x'")));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => factory.WithDbAsync(db => db.AuditEvents.ExecuteDeleteAsync()));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApplicant_MayWithdrawBeforeADecision()
    {
        var (owner, businessId, applicationId) = await SubmittedAsync();
        using var applicant = factory.CreatePortalClient();
        await applicant.SignInAsync(owner);
        var page = await applicant.GetAsync($"/businesses/{businessId}/applications/{applicationId}");

        var withdrawn = await applicant.SubmitFormAsync(page, [("reason", "自己資金で実施するため")], formSelector: "form[action$='/withdraw']");

        Assert.Contains("取下げ", withdrawn.Text("main dl"), StringComparison.Ordinal);
        Assert.Null(withdrawn.Document.QuerySelector("form[action$='/withdraw']"));
    }
}
