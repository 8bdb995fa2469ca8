using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>
/// Every move of the lifecycle table made through the product (the submit use case, <see cref="ApplicationMoves"/>) is
/// recorded as a transition (from, to, who, when, why) with its event in the outbox; a move the table does not allow is
/// refused and nothing is recorded.
/// </summary>
[Collection(nameof(PortalCollection))]
public class LifecycleTests(SmeAppFactory factory)
{
    [Fact]
    public async Task EveryMoveOfTheLifecycle_MadeThroughTheProduct_IsRecordedWithWhoWhenAndWhy()
    {
        var (owner, business, _) = await factory.CreateApplicantAsync();
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        var walked = new List<(ApplicationStatus From, ApplicationStatus To)>();
        foreach (var (from, to) in ApplicationLifecycle.AllMoves)
        {
            // Taken to `from` along the table's shortest path, then the move itself, at an instant of its own.
            var at = DateTime.UtcNow.AddMinutes(-walked.Count - 1);
            at = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var application = factory.Application(business, owner).Filled().By(reviewer.Id).To(from);
            var reason = ApplicationLifecycle.SubmissionFrom(from) == to ? null : $"{from} → {to}";
            var id = await application.At(at).Moved(to, reason);

            var transition = await factory.WithDbAsync(db => db.ApplicationTransitions.AsNoTracking().Where(t => t.ApplicationId == id).OrderByDescending(t => t.Id).FirstAsync());
            var who = ApplicationBuilder.IsTheApplicantsMove(to) ? owner.Id : reviewer.Id;
            Assert.Equal((from, to, who, at, reason), (transition.From!.Value, transition.To, transition.ByUserId, transition.AtUtc, transition.Reason));
            var saved = await factory.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Status, a.StatusChangedAtUtc }).SingleAsync());
            Assert.Equal((to, at), (saved.Status, saved.StatusChangedAtUtc));
            Assert.True(
                await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Channel == OutboxChannel.Event && m.Template == ApplicationMoved.EventName && m.Arguments == $"{id}\t{from}\t{to}")),
                $"no event for {from} → {to}");
            walked.Add((from, to));
        }

        Assert.Equal(ApplicationLifecycle.AllMoves, walked);
    }

    [Fact]
    public async Task AMoveTheLifecycleDoesNotAllow_IsRefused_AndNothingIsRecorded()
    {
        var (owner, business, _) = await factory.CreateApplicantAsync();
        var id = await factory.Application(business, owner).Filled().Submitted();
        var before = await factory.WithDbAsync(db => db.ApplicationTransitions.CountAsync(t => t.ApplicationId == id));

        await using var scope = factory.Services.CreateAsyncScope();
        var file = (await scope.ServiceProvider.GetRequiredService<ApplicationStore>().LoadForStaffAsync(id, tracked: true))!;
        var outcome = await scope.ServiceProvider.GetRequiredService<ApplicationMoves>().MoveAsync(file, file.Application.Version, ApplicationStatus.Paid, "test-reviewer", null, byStaff: true);

        Assert.Equal(MoveOutcome.NotAllowed, outcome);
        Assert.Throws<ApplicationMoveRefusedException>(() => file.Application.Move(ApplicationStatus.Paid, "test-reviewer", null, DateTime.UtcNow));
        Assert.Equal(ApplicationStatus.Submitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(before, await factory.WithDbAsync(db => db.ApplicationTransitions.CountAsync(t => t.ApplicationId == id)));
        // A state the product cannot reach cannot be built either: the builder fails, naming the refused step.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await factory.ApplicationOfAsync(id)).Moved(ApplicationStatus.Paid));
        Assert.Contains("Submitted → Paid", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMove_RaisesTheDashboardsSignal_FromItsOutboxEvent()
    {
        var (owner, business, _) = await factory.CreateApplicantAsync();
        var id = await factory.Application(business, owner).Filled().Submitted().UnderReview();
        var prefix = $"{id}\t";

        // Written with each move (the submission, the review), then raised by the dispatcher, which marks them raised.
        Assert.Equal(2, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == OutboxChannel.Event && m.Arguments.StartsWith(prefix))));
        await factory.DeliverOutboxAsync(m => m.Channel == OutboxChannel.Event && m.Arguments.StartsWith(prefix));
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Channel == OutboxChannel.Event && m.SentAtUtc == null && m.Arguments.StartsWith(prefix))));
    }
}
