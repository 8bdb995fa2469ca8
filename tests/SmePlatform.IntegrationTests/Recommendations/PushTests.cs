using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;

namespace SmePlatform.IntegrationTests.Recommendations;

/// <summary>
/// Push notices. Each test owns a prefecture no other test's business is in, so "the businesses a measure for that
/// prefecture matches" are exactly the ones the test made.
/// </summary>
[Collection(nameof(PortalCollection))]
public class PushTests(SmeAppFactory factory)
{
    /// <summary>Owners of new businesses in the prefecture, with a client signed in as each.</summary>
    private async Task<List<(PortalClient Client, TestUser Owner, Business Business)>> OwnersInAsync(string prefecture, int count)
    {
        var owners = new List<(PortalClient, TestUser, Business)>();
        for (var i = 0; i < count; i++)
        {
            var owner = await factory.CreateOwnerClientAsync();
            await factory.WithDbAsync(db => db.Businesses.Where(b => b.Id == owner.Business.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.PrefectureCode, prefecture)));
            owners.Add(owner);
        }

        return owners;
    }

    /// <summary>A draft measure for one prefecture (the catalogue's test measure: purpose IT/DX, no other rule).</summary>
    private async Task<SupportMeasure> DraftFor(string prefecture)
    {
        var measure = await factory.CreateMeasureAsync(Domain.Catalogue.MeasureStatus.Draft);
        await factory.WithDbAsync(async db =>
        {
            var row = await db.SupportMeasures.SingleAsync(m => m.Id == measure.Id);
            row.Eligibility.Regions = [new MeasureRegion { PrefectureCode = prefecture }];
            return await db.SaveChangesAsync();
        });
        return measure;
    }

    /// <summary>Publishes a measure straight in the database (without its match job: each test runs what it needs).</summary>
    private async Task PublishAsync(SupportMeasure measure)
    {
        await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Domain.Catalogue.MeasureStatus.Published).SetProperty(m => m.PublishedAtUtc, DateTime.UtcNow)));
        factory.Services.GetRequiredService<CatalogueIndex>().Invalidate();
    }

    /// <summary>Delivers until no match job is pending, whichever dispatcher (the hosted one runs too) takes it.</summary>
    private Task DeliverAllAsync() => factory.DeliverOutboxAsync(m => m.Channel == OutboxChannel.Match || m.Channel == OutboxChannel.Event);

    private Task<List<string>> NoticesOfAsync(int measureId) =>
        factory.WithDbAsync(db => db.Notices.Where(n => n.Topic == PushMatcher.Topic(measureId)).Select(n => n.UserId).ToListAsync());

    [Fact]
    public async Task PublishingAMeasure_TellsEachMemberOfEveryMatchingBusinessOnce_AndNobodyElse()
    {
        var owners = await OwnersInAsync("44", 2);
        var member = await factory.CreateUserAsync();
        await factory.AddMemberAsync(owners[0].Business, member);
        var elsewhere = await factory.CreateOwnerClientAsync();
        var measure = await DraftFor("44");
        using var admin = await factory.CreateSignedInStaffClientAsync(StaffRoles.Administrator);

        var editor = await admin.GetAsync($"/admin/measures/{measure.Id}");
        await admin.SubmitFormAsync(editor, [], $"form[action='/admin/measures/{measure.Id}/publish']");
        await DeliverAllAsync();
        await DeliverAllAsync();

        var told = await NoticesOfAsync(measure.Id);
        Assert.Equal(new[] { owners[0].Owner.Id, owners[1].Owner.Id, member.Id }.Order(), told.Order());
        Assert.DoesNotContain(elsewhere.Owner.Id, told);
        var inbox = await owners[1].Client.GetAsync("/notices");
        Assert.Contains("対象になる支援策があります: テスト用の支援策", inbox.Text(".notice-list"), StringComparison.Ordinal);
        Assert.NotNull(inbox.Document.QuerySelector($".notice-list a[href='/measures/{measure.Slug}']"));
    }

    [Fact]
    public async Task ARestartInTheMiddleOfAPush_PutsNoDuplicateInAnyInbox()
    {
        var owners = await OwnersInAsync("45", 3);
        var measure = await DraftFor("45");
        await PublishAsync(measure);
        // Held back from the hosted dispatcher until the crash below has happened.
        var job = PushMatcher.Job(PushMatcher.MeasurePublished, measure.Id, DateTime.UtcNow.AddHours(1));
        await factory.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(job);
            return db.SaveChangesAsync();
        });

        // The process stops right after the first commit (one business per batch, one notice per commit) put a notice in an inbox.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var matcher = scope.ServiceProvider.GetRequiredService<PushMatcher>();
            matcher.BatchSize = 1;
            matcher.NoticesPerCommit = 1;
            await Assert.ThrowsAsync<IOException>(() => matcher.RunAsync(job, delivered => _ = delivered > 0 ? throw new IOException("the process stopped") : 0));
        }

        Assert.Single(await NoticesOfAsync(measure.Id));
        // After the restart the job is still pending, and runs again from the start.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAtUtc, DateTime.UtcNow)));
        await DeliverAllAsync();

        var told = await NoticesOfAsync(measure.Id);
        Assert.Equal(owners.Select(o => o.Owner.Id).Order(), told.Order());
        Assert.NotNull(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == job.Id).Select(m => m.SentAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task AProfileChange_TellsTheBusinessOfMeasuresItNowMatches_AndMutedOnesStaySilent()
    {
        var (client, owner, business) = await factory.CreateOwnerClientAsync();
        var kagoshima = await DraftFor("46");
        var muted = await DraftFor("46");
        await PublishAsync(kagoshima);
        await PublishAsync(muted);
        await factory.WithDbAsync(db =>
        {
            db.NoticePreferences.Add(new NoticePreference { UserId = owner.Id, MutedMeasures = muted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return db.SaveChangesAsync();
        });

        var page = await client.GetAsync($"/businesses/{business.Id}/recommendations");
        await client.SubmitFormAsync(page, [("PrefectureCode", "46"), ("FoundedOn", "2010-04-01")], $"form[action='/businesses/{business.Id}/recommendations/answers']");
        Assert.True(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Channel == OutboxChannel.Event && m.Template == PushMatcher.ProfileChanged)));
        await DeliverAllAsync();

        Assert.Equal([owner.Id], await NoticesOfAsync(kagoshima.Id));
        Assert.Empty(await NoticesOfAsync(muted.Id));
    }

    [Fact]
    public async Task MutingAPurposeOrAMeasure_FromTheInbox_AndTheSettings()
    {
        var owners = await OwnersInAsync("43", 1);
        var (client, owner, _) = owners[0];
        var first = await DraftFor("43");
        await PublishAsync(first);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PushMatcher>().MeasureAsync(0, first.Id);
        }

        var inbox = await client.GetAsync("/notices");
        var afterMute = await client.SubmitFormAsync(inbox, [], $"form[action='/notices/mute/{first.Id}']");
        Assert.Contains("この支援策のお知らせを止めました", afterMute.Text("main"), StringComparison.Ordinal);
        var settings = await client.GetAsync("/notices/settings");
        Assert.NotNull(settings.Document.QuerySelector($"input[name=MutedMeasures][value='{first.Id}']:checked"));

        var saved = await client.SubmitFormAsync(settings, [("MutedPurposes", "ItDx"), ("EmailDigest", "true")]);
        Assert.Contains("お知らせの設定を保存しました", saved.Text("main"), StringComparison.Ordinal);
        var preference = await factory.WithDbAsync(db => db.NoticePreferences.AsNoTracking().SingleAsync(p => p.UserId == owner.Id));
        Assert.Equal(("ItDx", true), (preference.MutedPurposes, preference.EmailDigest));

        // Every purpose of the next IT/DX measure is muted: no notice.
        var second = await DraftFor("43");
        await PublishAsync(second);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PushMatcher>().MeasureAsync(0, second.Id));
        }
    }

    [Fact]
    public async Task TheEmailDigest_ListsNewMatchesOnceADay()
    {
        var owners = await OwnersInAsync("42", 1);
        var owner = owners[0].Owner;
        await factory.WithDbAsync(db =>
        {
            db.NoticePreferences.Add(new NoticePreference { UserId = owner.Id, EmailDigest = true, DigestedUpToUtc = DateTime.UtcNow.AddDays(-2) });
            return db.SaveChangesAsync();
        });
        var measure = await DraftFor("42");
        await PublishAsync(measure);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PushMatcher>().MeasureAsync(0, measure.Id);
        var digest = scope.ServiceProvider.GetRequiredService<NoticeDigest>();

        // The hosted dispatcher may queue it first: either way exactly one digest email is queued, then none until tomorrow.
        await digest.SendDueAsync();
        Assert.Equal(0, await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<NoticeDigest>().SendDueAsync());
        var emails = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == owner.Id && m.Template == NoticeDigest.Template).ToListAsync());
        Assert.Equal($"1\t{measure.Id}", Assert.Single(emails).Arguments);

        await factory.DeliverOutboxAsync(m => m.RecipientUserId == owner.Id && m.Template == NoticeDigest.Template);

        var email = Assert.Single(factory.Mailbox.MessagesTo(owner.Email), m => (m.Subject ?? "").Contains("新しく対象になった支援策が1件あります", StringComparison.Ordinal));
        var body = (email.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.Matches($@"・テスト用の支援策\n  http\S+/measures/{measure.Slug}\n", body);
        Assert.Matches($@"- A measure for the tests\n  http\S+/measures/{measure.Slug}\n", body);
    }

    /// <summary>
    /// A profile's first fill matches many open measures at once: the person gets one notice listing them (soonest
    /// deadline first, each linking to its page, each mutable), not one notice each; the email digest lists them too.
    /// Each measure is still told once, ever: the next change adds nothing.
    /// </summary>
    [Fact]
    public async Task AProfileChange_ThatMatchesManyMeasures_IsOneNoticeListingEach_AndOneDigestListingThem()
    {
        var (client, owner, business) = await factory.CreateOwnerClientAsync();
        await factory.WithDbAsync(db =>
        {
            db.NoticePreferences.Add(new NoticePreference { UserId = owner.Id, EmailDigest = true, DigestedUpToUtc = DateTime.UtcNow.AddDays(-2) });
            return db.SaveChangesAsync();
        });
        // Three measures for Saga only, closing within hours: listed before the measures whose deadlines are later.
        var saga = new List<SupportMeasure>();
        for (var i = 0; i < 3; i++)
        {
            var measure = await DraftFor("41");
            await factory.WithDbAsync(db => db.SupportMeasures.Where(m => m.Id == measure.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AcceptanceStartUtc, DateTime.UtcNow.AddDays(-1)).SetProperty(m => m.AcceptanceEndUtc, DateTime.UtcNow.AddHours(1 + i))));
            await PublishAsync(measure);
            saga.Add(measure);
        }

        var page = await client.GetAsync($"/businesses/{business.Id}/recommendations");
        await client.SubmitFormAsync(page, [("PrefectureCode", "41"), ("FoundedOn", "2010-04-01")], $"form[action='/businesses/{business.Id}/recommendations/answers']");
        await DeliverAllAsync();

        var told = await factory.WithDbAsync(db => db.Notices.Where(n => n.UserId == owner.Id).ToListAsync());
        Assert.True(told.Count > 3, $"{told.Count} measures matched");
        Assert.All(saga, m => Assert.Contains(told, n => n.Topic == PushMatcher.Topic(m.Id)));
        var inbox = await client.GetAsync("/notices");
        var entry = Assert.Single(inbox.Document.QuerySelectorAll(".notice-list > li"));
        Assert.Equal($"事業者情報の登録・変更で、対象になる支援策が{told.Count}件見つかりました", entry.QuerySelector("a")!.TextContent.Trim());
        var listed = entry.QuerySelectorAll(".matched-measures > li > a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Math.Min(told.Count, InboxEntry.MeasuresListed), listed.Count);
        Assert.Equal(saga.Select(m => $"/measures/{m.Slug}"), listed.Take(3));
        Assert.NotNull(entry.QuerySelector($".matched-measures form[action='/notices/mute/{saga[0].Id}']"));
        Assert.Single(inbox.Document.QuerySelectorAll(".notice-list .badge"));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NoticeDigest>().SendDueAsync();
        }

        var digest = Assert.Single(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.RecipientUserId == owner.Id && m.Template == NoticeDigest.Template).ToListAsync()));
        var arguments = digest.Arguments.Split('\t');
        Assert.Equal(told.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), arguments[0]);
        Assert.Equal(saga.Select(m => m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), arguments.Skip(1).Take(3));
        Assert.Equal(Math.Min(told.Count, InboxEntry.MeasuresListed), arguments.Length - 1);

        // Nothing is told twice: matching the business again puts nothing new in the inbox.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PushMatcher>().BusinessAsync(0, business.Id));
        }

        Assert.Equal(told.Count, await factory.WithDbAsync(db => db.Notices.CountAsync(n => n.UserId == owner.Id)));
    }
}
