using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Time;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

[Collection(nameof(PortalCollection))]
public class ConsentLedgerTests(SmeAppFactory factory)
{
    private const int PolicyFinance = 3;
    private const int Chamber = 1;

    private async Task<bool> MayReadAsync(int partner, int business, ItemGroup group)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ConsentLedger>().MayReadAsync(partner, business, group);
    }

    [Fact]
    public async Task NoBeforeTheGrant_YesAfter_NoAfterRevocationOrExpiry_AndEveryReadIsListed()
    {
        var (client, owner, business) = await factory.CreateOwnerClientAsync();
        using var _ = client;

        Assert.False(await MayReadAsync(PolicyFinance, business.Id, ItemGroup.Financial));

        var page = await client.GetAsync($"/businesses/{business.Id}/consents");
        var until = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var granted = await client.SubmitFormAsync(page,
            [("PartnerId", PolicyFinance.ToString(CultureInfo.InvariantCulture)), ("Groups", "Financial"), ("Purpose", "融資の審査のため"), ("Until", until)],
            "form[action$='/consents']");
        Assert.Contains("共有を許可しました", granted.Text("main"), StringComparison.Ordinal);

        Assert.True(await MayReadAsync(PolicyFinance, business.Id, ItemGroup.Financial));
        Assert.False(await MayReadAsync(PolicyFinance, business.Id, ItemGroup.Basics));
        Assert.False(await MayReadAsync(Chamber, business.Id, ItemGroup.Financial));

        var withGrant = await client.GetAsync($"/businesses/{business.Id}/consents");
        var revoked = await client.SubmitFormAsync(withGrant, [], "form[action$='/revoke']");
        Assert.Contains("取り消しました", revoked.Text("main"), StringComparison.Ordinal);
        Assert.False(await MayReadAsync(PolicyFinance, business.Id, ItemGroup.Financial));

        // A grant whose day has passed answers no.
        await factory.WithDbAsync(async db =>
        {
            db.ConsentGrants.Add(new ConsentGrant
            {
                BusinessId = business.Id,
                PartnerId = Chamber,
                Group = ItemGroup.Basics,
                Purpose = "経営相談",
                GrantedAtUtc = DateTime.UtcNow.AddDays(-10),
                GrantedByUserId = owner.Id,
                ExpiresAtUtc = DateTime.UtcNow.AddSeconds(-1),
            });
            return await db.SaveChangesAsync();
        });
        Assert.False(await MayReadAsync(Chamber, business.Id, ItemGroup.Basics));

        var ledger = await client.GetAsync($"/businesses/{business.Id}/consents");
        var reads = ledger.Document.QuerySelectorAll(".consent-reads tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(6, reads.Count);
        Assert.Single(reads, r => r.Contains("許可により閲覧", StringComparison.Ordinal));
        Assert.Equal(["Expired", "Revoked"], ledger.Document.QuerySelectorAll(".consent-grants tbody tr").Select(r => r.GetAttribute("data-state")!).Order());
    }

    [Fact]
    public async Task AGrantUntilADay_IsListedWithThatDay_TheEndDateAsChosen()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        using var _ = client;
        var until = JapanTime.DateOf(DateTime.UtcNow).AddYears(1);
        var page = await client.GetAsync($"/businesses/{business.Id}/consents");

        var granted = await client.SubmitFormAsync(page,
            [("PartnerId", Chamber.ToString(CultureInfo.InvariantCulture)), ("Groups", "Basics"), ("Purpose", "経営相談"), ("Until", until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            "form[action$='/consents']");

        // The grant lasts to the end of that day in Japan (00:00 the next day), and is listed as the day chosen, not as the midnight after it.
        var expires = await factory.WithDbAsync(db => db.ConsentGrants.Where(g => g.BusinessId == business.Id).Select(g => g.ExpiresAtUtc).SingleAsync());
        Assert.Equal(JapanTime.ToUtc(until.AddDays(1), TimeOnly.MinValue), DateTime.SpecifyKind(expires, DateTimeKind.Utc));
        var listed = granted.Document.QuerySelector(".consent-grants tbody tr")!.Children[3].TextContent.Trim();
        Assert.Equal($"{until.Year}年（令和{until.Year - 2018}年）{until.Month}月{until.Day}日", listed);
        var english = await client.GetAsync($"/businesses/{business.Id}/consents?culture=en");
        Assert.Equal(until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), english.Document.QuerySelector(".consent-grants tbody tr")!.Children[3].TextContent.Trim());
    }

    [Fact]
    public async Task BadGrants_AreRefused_BesideTheirFields()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        using var __ = client;
        var page = await client.GetAsync($"/businesses/{business.Id}/consents");

        var refused = await client.SubmitFormAsync(page, [("PartnerId", "999"), ("Purpose", ""), ("Until", "2001-01-01")], "form[action$='/consents']");

        Assert.Contains("一覧から選んで", refused.ErrorFor("PartnerId"), StringComparison.Ordinal);
        Assert.Contains("1つ以上", refused.ErrorFor("Groups"), StringComparison.Ordinal);
        Assert.Contains("利用目的", refused.ErrorFor("Purpose"), StringComparison.Ordinal);
        Assert.Contains("年以内", refused.ErrorFor("Until"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheOwner_KeepsTheLedger()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var member = await factory.CreateUserAsync();
        await factory.AddMemberAsync(business, member);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(member);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/businesses/{business.Id}/consents")).Status);
    }
}
