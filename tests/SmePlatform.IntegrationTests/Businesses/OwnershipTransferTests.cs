using Microsoft.EntityFrameworkCore;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class OwnershipTransferTests(SmeAppFactory factory)
{
    [Fact]
    public async Task Reviewer_FindsTheBusinessByItsNumber_AndTransfersIt_TheOldOwnerStaysAMember()
    {
        var oldOwner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(oldOwner);
        var newOwner = await factory.CreateUserAsync();
        using var reviewer = await factory.CreateSignedInStaffClientAsync(StaffRoles.Reviewer);
        var number = business.CorporateNumber!;

        var page = await reviewer.GetAsync($"/admin/verification/find?corporateNumber={Uri.EscapeDataString($"{number[..4]}-{number[4..]}")}");
        Assert.Equal($"/admin/businesses/{business.Id}/transfer", page.Url.AbsolutePath);
        var unknown = await reviewer.SubmitFormAsync(page, [("NewOwnerEmail", "nobody@example.jp"), ("Evidence", "RegistryCertificate")]);
        Assert.Contains("アカウントはありません", unknown.ErrorFor("NewOwnerEmail"), StringComparison.Ordinal);

        await reviewer.SubmitFormAsync(page, [("NewOwnerEmail", newOwner.Email), ("Evidence", "RegistryCertificate")]);

        var roles = await factory.WithDbAsync(db => db.BusinessMembers.AsNoTracking().Where(m => m.BusinessId == business.Id).ToDictionaryAsync(m => m.UserId, m => m.Role));
        Assert.Equal(MemberRole.Owner, roles[newOwner.Id]);
        Assert.Equal(MemberRole.Member, roles[oldOwner.Id]);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "business.ownership-transferred" && e.SubjectId == business.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
