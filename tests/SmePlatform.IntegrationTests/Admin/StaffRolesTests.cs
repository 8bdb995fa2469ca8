using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Admin;

/// <summary>
/// An administrator changes a staff member's roles; every sign-in the member has ends at once (issue 20, item 1), so
/// neither the old roles nor a copied cookie outlive the change, and the change is audited without personal data.
/// </summary>
[Collection(nameof(PortalCollection))]
public class StaffRolesTests(SmeAppFactory factory)
{
    [Fact]
    public async Task ChangingRoles_EndsTheMembersSignIns_AndIsAudited()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        using var reviewerClient = factory.CreatePortalClient();
        using var reviewerElsewhere = factory.CreatePortalClient();
        await reviewerClient.SignInAsync(reviewer);
        await reviewerElsewhere.SignInAsync(reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewerClient.GetAsync("/review")).Status);
        Assert.Null((await reviewerClient.GetAsync("/review/scans")).Document.QuerySelector("form[action='/review/scans']"));
        var admin = await factory.CreateUserAsync([StaffRoles.Administrator], twoFactor: true);
        using var adminClient = factory.CreatePortalClient();
        await adminClient.SignInAsync(admin);

        var list = await adminClient.GetAsync("/admin/staff");
        var link = list.Document.QuerySelector($"a[href='/admin/staff/{reviewer.Id}/roles']");
        Assert.NotNull(link);
        Assert.Null(list.Document.QuerySelector($"a[href='/admin/staff/{admin.Id}/roles']"));
        var form = await adminClient.GetAsync($"/admin/staff/{reviewer.Id}/roles");
        Assert.Equal("職員の役割の変更", form.Text("h1"));
        var english = await adminClient.GetAsync($"/admin/staff/{reviewer.Id}/roles?culture=en");
        Assert.Equal(("Change a staff member's roles", "Roles"), (english.Text("h1"), english.Text("legend")));
        Assert.True(english.Document.QuerySelector($"input[name=Roles][value={StaffRoles.Reviewer}]")!.HasAttribute("checked"));
        form = await adminClient.GetAsync($"/admin/staff/{reviewer.Id}/roles?culture=ja");

        var none = await adminClient.SubmitFormAsync(form, [("Roles", null)]);
        Assert.Equal("役割を1つ以上選択してください", none.ErrorFor("Roles"));
        Assert.Equal(2, await SessionCountAsync(reviewer.Id));

        var done = await adminClient.SubmitFormAsync(none, [("Roles", StaffRoles.Reviewer), ("Roles", StaffRoles.Supervisor)]);

        Assert.Equal("/admin/staff", done.Url.AbsolutePath);
        Assert.Equal("役割を変更しました。この職員はすべての端末からログアウトしました。", done.Text(".notice"));
        Assert.Equal("/account/login", (await reviewerClient.GetAsync("/review")).Url.AbsolutePath);
        Assert.Equal("/account/login", (await reviewerElsewhere.GetAsync("/review")).Url.AbsolutePath);
        Assert.Equal(0, await SessionCountAsync(reviewer.Id));
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/admin/staff")).Status);
        var entry = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == "staff-account.roles-changed" && e.SubjectId == reviewer.Id));
        Assert.Equal(admin.Id, entry.ActorUserId);
        Assert.Equal("roles=Reviewer,Supervisor; sessions-ended=2", entry.Details);

        // Signed in again, the member has the new role: a supervisor may start a scan.
        await reviewerClient.SignInAsync(reviewer);
        Assert.NotNull((await reviewerClient.GetAsync("/review/scans")).Document.QuerySelector("form[action='/review/scans']"));
    }

    [Fact]
    public async Task AnAdministrator_CannotChangeTheirOwnRoles_NorMakeStaffOfABusinessUser()
    {
        var admin = await factory.CreateUserAsync([StaffRoles.Administrator], twoFactor: true);
        var owner = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(admin);

        var own = await client.GetAsync($"/admin/staff/{admin.Id}/roles");
        Assert.Equal("自分の役割は変更できません。ほかのシステム管理者に依頼してください。", own.Text(".notice-warning"));
        Assert.Null(own.Document.QuerySelector("main form"));
        var token = own.AntiforgeryToken;
        var post = await client.PostWithoutFollowingAsync($"/admin/staff/{admin.Id}/roles", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Roles"] = StaffRoles.Reviewer,
        });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/staff/{owner.Id}/roles")).Status);
        var promote = await client.PostWithoutFollowingAsync($"/admin/staff/{owner.Id}/roles", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Roles"] = StaffRoles.Administrator,
        });
        Assert.Equal(HttpStatusCode.NotFound, promote.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == owner.Id)));
        Assert.True(await factory.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == admin.Id)));
    }

    private Task<int> SessionCountAsync(string userId) => factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId));
}
