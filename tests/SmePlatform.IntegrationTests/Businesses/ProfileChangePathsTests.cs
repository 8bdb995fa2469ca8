using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Admin.Verification.VerifyBusiness;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Businesses.Analysis;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Features.Businesses.RegisterBusiness;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.IntegrationTests.Businesses;

/// <summary>
/// "Every profile change is recorded with its source": each of the six ways a profile changes (registration, the
/// profile's pages, the recommendations' questions, staff verification, an application's write-back, the analysis
/// pages), taken through its handler (the questions through their page), leaves the change in the history with its
/// source, person and instant, and a ProfileChanged event in the outbox, saved with it.
/// </summary>
[Collection(nameof(PortalCollection))]
public class ProfileChangePathsTests(SmeAppFactory factory)
{
    [Fact]
    public async Task EveryWayAProfileChanges_RecordsEachChangeWithItsSource_AndRaisesTheEvent()
    {
        var owner = await factory.CreateUserAsync();
        var reviewer = await factory.CreateUserAsync();

        // 1. Registration: the first values, declared by the person registering.
        var registered = await HandleAsync((RegisterBusinessHandler h) => h.HandleAsync(
            new RegisterBusinessForm { LegalForm = "Corporation", CorporateNumber = PortalData.NewCorporateNumber(), Name = "経路試験株式会社", NameKana = "ケイロシケンカブシキガイシャ" }, owner.Id));
        Assert.True(registered.IsDone);
        var id = registered.Value;
        await AssertRecordedAsync(id, "Name", "経路試験株式会社", ProfileSource.SelfDeclared, owner.Id, events: 1);

        // 2. The profile's pages: the basics, then the industry and size.
        var basics = BasicsForm.From(await BusinessAsync(id));
        basics.City = "千代田区";
        Assert.True((await HandleAsync((ChangeBasicsHandler h) => h.HandleAsync(id, basics, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "City", "千代田区", ProfileSource.SelfDeclared, owner.Id, events: 2);

        var industry = IndustryForm.From(await BusinessAsync(id));
        (industry.IndustryMajor, industry.IndustryMiddle, industry.RegularEmployees) = ("E", "09", "12");
        Assert.True((await HandleAsync((ChangeIndustryHandler h) => h.HandleAsync(id, industry, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "RegularEmployees", "12", ProfileSource.SelfDeclared, owner.Id, events: 3);

        // 3. The recommendations' questions, answered on their page.
        using (var client = factory.CreatePortalClient())
        {
            await client.SignInAsync(owner);
            var page = await client.GetAsync($"/businesses/{id}/recommendations");
            var saved = await client.PostAsync($"/businesses/{id}/recommendations/answers", new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = page.AntiforgeryToken,
                ["Asked"] = "Prefecture",
                ["PrefectureCode"] = "46",
                ["Version"] = (await BusinessAsync(id)).Version.ToString(CultureInfo.InvariantCulture),
            });
            Assert.Equal($"/businesses/{id}/recommendations", saved.Url.AbsolutePath);
        }

        await AssertRecordedAsync(id, "PrefectureCode", "46", ProfileSource.SelfDeclared, owner.Id, events: 4);

        // 4. Staff verification.
        Assert.True((await HandleAsync((VerifyBusinessHandler h) => h.HandleAsync(id, VerificationEvidence.MailedCode, reviewer.Id))).IsDone);
        await AssertRecordedAsync(id, "Verification", "Verified", ProfileSource.VerifiedByStaff, reviewer.Id, events: 5);

        // 5. An application's write-back.
        var written = await HandleAsync((ProfileWriteBack w) => w.WriteBackAsync(id, new Dictionary<string, string?> { ["Street"] = "霞が関1-3-1" }, owner.Id));
        Assert.True(written.Saved);
        await AssertRecordedAsync(id, "Street", "霞が関1-3-1", ProfileSource.FromApplication, owner.Id, events: 6);

        // 6. The analysis pages: a year's statements (added, revised, removed), a shareholder, an officer, the activities.
        Assert.True((await HandleAsync((SaveFinancialYearHandler h) => h.HandleAsync(id, new FinancialYearForm { ClosingDate = "2025-03-31", Sales = "100000000" }, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "FinancialYear[2025-03-31].Sales", "100000000", ProfileSource.SelfDeclared, owner.Id, events: 7);
        Assert.True((await HandleAsync((SaveFinancialYearHandler h) => h.HandleAsync(id, new FinancialYearForm { ClosingDate = "2025-03-31", Sales = "120000000" }, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "FinancialYear[2025-03-31].Sales", "120000000", ProfileSource.SelfDeclared, owner.Id, events: 8);
        var year = await factory.WithDbAsync(db => db.FinancialYears.AsNoTracking().SingleAsync(y => y.BusinessId == id));
        Assert.Equal(120_000_000, year.Sales);
        Assert.True((await HandleAsync((RemoveFinancialYearHandler h) => h.HandleAsync(id, year.Id, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "FinancialYear[2025-03-31].Sales", null, ProfileSource.SelfDeclared, owner.Id, events: 9);

        Assert.True((await HandleAsync((AddShareholderHandler h) => h.HandleAsync(id, new ShareholderForm { HolderName = "大手商事株式会社", SharePercent = "60" }, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "Shareholder[大手商事株式会社]", "60.00% large=False deemed=False", ProfileSource.SelfDeclared, owner.Id, events: 10);
        var holder = await factory.WithDbAsync(db => db.Shareholders.AsNoTracking().SingleAsync(s => s.BusinessId == id));
        Assert.True((await HandleAsync((RemoveShareholderHandler h) => h.HandleAsync(id, holder.Id, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "Shareholder[大手商事株式会社]", null, ProfileSource.SelfDeclared, owner.Id, events: 11);

        Assert.True((await HandleAsync((AddOfficerHandler h) => h.HandleAsync(id, new OfficerForm { Name = "中小 太郎", AtLargeEnterprise = true }, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "Officer[中小 太郎]", "large=True deemed=False", ProfileSource.SelfDeclared, owner.Id, events: 12);
        var officer = await factory.WithDbAsync(db => db.Officers.AsNoTracking().SingleAsync(o => o.BusinessId == id));
        Assert.True((await HandleAsync((RemoveOfficerHandler h) => h.HandleAsync(id, officer.Id, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "Officer[中小 太郎]", null, ProfileSource.SelfDeclared, owner.Id, events: 13);

        Assert.True((await HandleAsync((ChangeActivitiesHandler h) => h.HandleAsync(id, new ActivitiesForm { Patents = "3" }, owner.Id))).IsDone);
        await AssertRecordedAsync(id, "Activities.Patents", "3", ProfileSource.SelfDeclared, owner.Id, events: 14);
    }

    [Fact]
    public async Task AChangeThatChangesNothing_RecordsNothing_AndRaisesNoEvent()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        var before = await factory.WithDbAsync(db => db.ProfileChanges.CountAsync(c => c.BusinessId == business.Id));

        var outcome = await HandleAsync((ChangeBasicsHandler h) => h.HandleAsync(business.Id, BasicsForm.From(business), owner.Id));

        Assert.True(outcome.IsDone);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ProfileChanges.CountAsync(c => c.BusinessId == business.Id)));
        Assert.Equal(0, await EventsAsync(business.Id));
    }

    [Fact]
    public async Task AnotherBusinessesRow_IsNotFound_AndNothingIsRecorded()
    {
        var owner = await factory.CreateUserAsync();
        var mine = await factory.CreateBusinessAsync(owner);
        var theirs = await factory.CreateBusinessAsync(await factory.CreateUserAsync());
        Assert.True((await HandleAsync((AddOfficerHandler h) => h.HandleAsync(theirs.Id, new OfficerForm { Name = "他社 役員" }, owner.Id))).IsDone);
        var officer = await factory.WithDbAsync(db => db.Officers.AsNoTracking().SingleAsync(o => o.BusinessId == theirs.Id));

        var outcome = await HandleAsync((RemoveOfficerHandler h) => h.HandleAsync(mine.Id, officer.Id, owner.Id));

        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        Assert.True(await factory.WithDbAsync(db => db.Officers.AnyAsync(o => o.Id == officer.Id)));
        Assert.Equal(0, await EventsAsync(mine.Id));
    }

    private async Task<T> HandleAsync<THandler, T>(Func<THandler, Task<T>> work)
        where THandler : notnull
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<Business> BusinessAsync(int id) => factory.WithDbAsync(db => db.Businesses.AsNoTracking().SingleAsync(b => b.Id == id));

    private Task<int> EventsAsync(int businessId)
    {
        var argument = businessId.ToString(CultureInfo.InvariantCulture);
        return factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == OutboxChannel.Event && m.Template == ProfileChanged.EventName && m.Arguments == argument));
    }

    /// <summary>The latest change of <paramref name="field"/> is to <paramref name="value"/>, from this source and person; the events so far are <paramref name="events"/>.</summary>
    private async Task AssertRecordedAsync(int businessId, string field, string? value, ProfileSource source, string userId, int events)
    {
        var latest = await factory.WithDbAsync(db => db.ProfileChanges.AsNoTracking()
            .Where(c => c.BusinessId == businessId && c.Field == field).OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((value, source, userId), (latest.NewValue, latest.Source, latest.ChangedByUserId));
        Assert.Equal(events, await EventsAsync(businessId));
    }
}
