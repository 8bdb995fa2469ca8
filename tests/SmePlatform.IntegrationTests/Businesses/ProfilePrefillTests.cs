using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.IntegrationTests.Businesses;

/// <summary>The services the Applications issue builds on: prefill from the profile, and write-back with provenance.</summary>
[Collection(nameof(PortalCollection))]
public class ProfilePrefillTests(SmeAppFactory factory)
{
    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task Values_AreTheProfile_WithWhereEachCameFrom()
    {
        var (client, _, business) = await factory.CreateOwnerClientAsync();
        using var __ = client;
        var basics = await client.GetAsync($"/businesses/{business.Id}/profile/basics");
        await client.SubmitFormAsync(basics, [("City", "千代田区")], submit: ("intent", "save"));

        var stored = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().SingleAsync(b => b.Id == business.Id));
        var values = await WithAsync((ProfilePrefill prefill) => prefill.ValuesAsync(stored));

        Assert.Equal("テスト工業株式会社", values["Name"].Value);
        Assert.Equal(("千代田区", ProfileSource.SelfDeclared), (values["City"].Value, values["City"].Source!.Value));
        Assert.Equal("12", values["RegularEmployees"].Value);
        Assert.False(values.ContainsKey("Website"));
    }

    [Fact]
    public async Task WriteBack_OfConfirmedValues_UpdatesTheProfile_AsComingFromAnApplication()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);

        var saved = await WithAsync((ProfileWriteBack writeBack) => writeBack.WriteBackAsync(business.Id, new Dictionary<string, string?> { ["City"] = "港区", ["RegularEmployees"] = "25" }, owner.Id));
        var refused = await WithAsync((ProfileWriteBack writeBack) => writeBack.WriteBackAsync(business.Id, new Dictionary<string, string?> { ["Phone"] = "123", ["City"] = "新宿区" }, owner.Id));

        Assert.True(saved.Saved);
        Assert.False(refused.Saved);
        Assert.Contains("Phone", refused.Errors.Keys);
        var stored = await factory.WithDbAsync(db => db.Businesses.AsNoTracking().SingleAsync(b => b.Id == business.Id));
        Assert.Equal(("港区", 25), (stored.City!, stored.RegularEmployees!.Value));
        var sources = await factory.WithDbAsync(db => db.ProfileChanges.AsNoTracking().Where(c => c.BusinessId == business.Id).Select(c => new { c.Field, c.Source }).ToListAsync());
        Assert.Contains(sources, c => c.Field == "City" && c.Source == ProfileSource.FromApplication);
        Assert.Contains(sources, c => c.Field == "RegularEmployees" && c.Source == ProfileSource.FromApplication);
    }
}
