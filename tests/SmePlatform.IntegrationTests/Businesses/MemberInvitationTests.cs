using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class MemberInvitationTests(SmeAppFactory factory)
{
    [Fact]
    public async Task Owner_Invites_TheInvitedPersonJoins_OnceOnly_WithTheRightGiven_AndCanBeRemoved()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var invitedEmail = $"invited-{Guid.NewGuid():N}@example.jp";
        using var ownerClient = factory.CreatePortalClient();
        await ownerClient.SignInAsync(owner);
        var members = await ownerClient.GetAsync($"/businesses/{business.Id}/members");

        var sent = await ownerClient.SubmitFormAsync(members, [("Email", invitedEmail.ToUpperInvariant()), ("CanSubmit", "true")], "form[action$='/invite']");
        Assert.Contains("招待メールを送りました", sent.Text("main"), StringComparison.Ordinal);
        var link = new Uri(factory.Mailbox.LatestLinkTo(invitedEmail));

        // Someone else, signed in with another address, cannot use it.
        var stranger = await factory.CreateUserAsync();
        using var strangerClient = factory.CreatePortalClient();
        await strangerClient.SignInAsync(stranger);
        var notForMe = await strangerClient.GetAsync(link.PathAndQuery);
        Assert.Contains("別のメールアドレスあて", notForMe.Text("main"), StringComparison.Ordinal);
        Assert.Null(notForMe.Document.QuerySelector("main form"));

        var invited = await factory.CreateUserAsync(email: invitedEmail);
        using var invitedClient = factory.CreatePortalClient();
        await invitedClient.SignInAsync(invited);
        var invitation = await invitedClient.GetAsync(link.PathAndQuery);
        var joined = await invitedClient.SubmitFormAsync(invitation, []);
        Assert.Equal($"/businesses/{business.Id}/profile", joined.Url.AbsolutePath);
        var membership = await factory.WithDbAsync(db => db.BusinessMembers.AsNoTracking().SingleAsync(m => m.BusinessId == business.Id && m.UserId == invited.Id));
        Assert.Equal((MemberRole.Member, true), (membership.Role, membership.CanSubmit));

        var again = await invitedClient.GetAsync(link.PathAndQuery);
        Assert.Contains("すでに使われた", again.Text("main"), StringComparison.Ordinal);

        var list = await ownerClient.GetAsync($"/businesses/{business.Id}/members");
        await ownerClient.SubmitFormAsync(list, [], $"form[action$='/members/{membership.Id}/rights']");
        Assert.False(await factory.WithDbAsync(db => db.BusinessMembers.Where(m => m.Id == membership.Id).Select(m => m.CanSubmit).SingleAsync()));
        list = await ownerClient.GetAsync($"/businesses/{business.Id}/members");
        await ownerClient.SubmitFormAsync(list, [], $"form[action$='/members/{membership.Id}/remove']");
        Assert.Equal(HttpStatusCode.NotFound, (await invitedClient.GetAsync($"/businesses/{business.Id}/profile")).Status);
    }

    [Fact]
    public async Task AnExpiredInvitation_CannotBeUsed_AndAnUnknownOneIs404()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var invited = await factory.CreateUserAsync();
        const string token = "expired-token-for-the-test";
        await factory.WithDbAsync(async db =>
        {
            db.BusinessInvitations.Add(new BusinessInvitation
            {
                BusinessId = business.Id,
                Email = invited.Email.ToLowerInvariant(),
                TokenHash = Web.Features.Businesses.MembersController.Hash(token),
                InvitedByUserId = owner.Id,
                CreatedAtUtc = DateTime.UtcNow.AddDays(-8),
                ExpiresAtUtc = DateTime.UtcNow.AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(invited);

        var page = await client.GetAsync($"/invitations/{token}");
        var posted = await client.PostWithoutFollowingAsync($"/invitations/{token}", new Dictionary<string, string> { ["__RequestVerificationToken"] = (await client.GetAsync("/businesses/register")).AntiforgeryToken });

        Assert.Contains("期限切れ", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.BusinessMembers.AnyAsync(m => m.BusinessId == business.Id && m.UserId == invited.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/invitations/not-a-token")).Status);
    }

    /// <summary>An invitation link of only spaces (the token binds as none) is no invitation: 404, not a 500.</summary>
    [Fact]
    public async Task AnInvitationLink_OfOnlySpaces_Is404()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(await factory.CreateUserAsync());
        var token = (await client.GetAsync("/businesses/register")).AntiforgeryToken;

        var shown = await client.GetAsync("/invitations/%20%09%E3%80%80");
        var accepted = await client.PostWithoutFollowingAsync("/invitations/%20%20", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, shown.Status);
        Assert.Equal(HttpStatusCode.NotFound, accepted.StatusCode);
    }

    [Fact]
    public async Task InvitingAMember_Again_IsRefused()
    {
        var owner = await factory.CreateUserAsync();
        await factory.CreateBusinessAsync(owner);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var businessId = await factory.WithDbAsync(db => db.BusinessMembers.Where(m => m.UserId == owner.Id).Select(m => m.BusinessId).SingleAsync());
        var page = await client.GetAsync($"/businesses/{businessId}/members");

        var refused = await client.SubmitFormAsync(page, [("Email", owner.Email)], "form[action$='/invite']");

        Assert.Contains("すでにメンバー", refused.ErrorFor("Email"), StringComparison.Ordinal);
    }
}
