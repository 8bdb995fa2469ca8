using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

[Collection(nameof(PortalCollection))]
public class StaffAccountTests(SmeAppFactory factory)
{
    [Fact]
    public async Task BusinessUser_Gets403_OnTheStaffAccountPage()
    {
        var user = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(user);

        var page = await client.GetAsync("/admin/staff");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("このページを表示する権限がありません", page.Text("h1"));
    }

    [Fact]
    public async Task Reviewer_WithTwoFactor_Gets403_OnTheStaffAccountPage()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/staff")).Status);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/admin/staff");

        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Fstaff", page.Url.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorWithoutTwoFactor_IsSentToSetItUp_ThenGetsIn()
    {
        var admin = await factory.CreateUserAsync([StaffRoles.Administrator]);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(admin);

        var page = await client.GetAsync("/admin/staff");
        Assert.Equal("/account/manage/two-factor", page.Url.AbsolutePath);
        Assert.Contains("職員のページを使うには二段階認証の設定が必要です", page.Text(".notice-warning"), StringComparison.Ordinal);

        var setup = await client.GetAsync("/account/manage/two-factor/authenticator");
        await client.SubmitAsync(setup, new Dictionary<string, string> { ["Code"] = Totp.CodeFor(setup.Text(".shared-key")) });

        var staffPage = await client.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        Assert.Equal("職員アカウント", staffPage.Text("h1"));
    }

    [Fact]
    public async Task Staff_CannotTurnOffTwoFactor()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(reviewer);
        var page = await client.GetAsync("/account/manage/two-factor");

        Assert.Null(page.Document.QuerySelector("form[action='/account/manage/two-factor/disable']"));
        var response = await client.PostWithoutFollowingAsync("/account/manage/two-factor/disable", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken,
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_CreatesStaff_WhoIsInvitedByEmail_AndTheActionIsAudited()
    {
        var admin = await factory.CreateUserAsync([StaffRoles.Administrator], twoFactor: true);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(admin);
        var email = $"staff-{Guid.NewGuid():N}@test.example.jp";

        var invalid = await client.SubmitAsync(await client.GetAsync("/admin/staff/new"),
            new Dictionary<string, string> { ["DisplayName"] = "審査 次郎", ["Email"] = email, ["Role"] = "" });
        Assert.Equal("役割を選択してください", invalid.ErrorFor("Role"));
        Assert.Equal("審査 次郎", invalid.Document.QuerySelector("#DisplayName")!.GetAttribute("value"));

        var list = await client.SubmitAsync(invalid,
            new Dictionary<string, string> { ["DisplayName"] = "審査 次郎", ["Email"] = email, ["Role"] = StaffRoles.Reviewer });
        Assert.Equal("/admin/staff", list.Url.AbsolutePath);
        Assert.Contains(email, list.Document.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var invitation = factory.Mailbox.LatestLinkTo(email);
        Assert.Contains("/account/reset-password?", invitation, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == "staff-account.created" && e.ActorUserId == admin.Id).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("role=Reviewer", entry.Details);
        Assert.DoesNotContain(email, entry.Details!, StringComparison.Ordinal);
    }
}
