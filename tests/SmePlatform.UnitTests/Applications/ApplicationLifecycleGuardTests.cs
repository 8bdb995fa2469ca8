using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.UnitTests.Applications;

/// <summary>
/// The application guards its lifecycle itself: its status and what only a move may change cannot be assigned from
/// outside, and a move the lifecycle table does not allow is refused by the application, changing nothing.
/// </summary>
public class ApplicationLifecycleGuardTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);

    private static readonly SubmittedAs Tokyo = new(Domain.Businesses.SmeClass.Sme, "13", "E");

    [Theory]
    [InlineData(nameof(Application.Status))]
    [InlineData(nameof(Application.StatusChangedAtUtc))]
    [InlineData(nameof(Application.WasReturned))]
    [InlineData(nameof(Application.DecidedAtUtc))]
    [InlineData(nameof(Application.Number))]
    [InlineData(nameof(Application.Rounds))]
    [InlineData(nameof(Application.SubmittedAtUtc))]
    [InlineData(nameof(Application.SizeClass))]
    [InlineData(nameof(Application.PrefectureCode))]
    [InlineData(nameof(Application.IndustryMajor))]
    public void WhatOnlyAMoveChanges_HasNoPublicSetter(string property)
    {
        var setter = typeof(Application).GetProperty(property)!.SetMethod;

        Assert.True(setter is null || !(setter.IsPublic || setter.IsAssembly || setter.IsFamilyOrAssembly), $"{property} can be set from outside the application");
    }

    [Fact]
    public void TheTransitions_CannotBeAddedFromOutside()
    {
        Assert.False(typeof(ICollection<ApplicationTransition>).IsAssignableFrom(typeof(Application).GetProperty(nameof(Application.Transitions))!.PropertyType));
    }

    /// <summary>Every status reached through the application's own methods, and from each every move the table does not allow.</summary>
    public static TheoryData<ApplicationStatus, ApplicationStatus> IllegalMoves()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in Enum.GetValues<ApplicationStatus>().Where(s => ApplicationBuilder.PathTo(s) is not null))
        {
            foreach (var to in Enum.GetValues<ApplicationStatus>().Where(to => !ApplicationLifecycle.CanMove(from, to)))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void AMoveTheLifecycleDoesNotAllow_IsRefusedByTheApplication_AndChangesNothing(ApplicationStatus from, ApplicationStatus to)
    {
        var application = Reach(from);
        var (transitions, changedAt, rounds) = (application.Transitions.Count, application.StatusChangedAtUtc, application.Rounds);

        var refused = Assert.Throws<ApplicationMoveRefusedException>(() => application.Move(to, "reviewer", "refused", Now.AddDays(30)));

        Assert.Equal(from, refused.From);
        Assert.Equal((from, transitions, changedAt, rounds), (application.Status, application.Transitions.Count, application.StatusChangedAtUtc, application.Rounds));
        Assert.Empty(application.TakeDomainEvents());
    }

    [Theory]
    [MemberData(nameof(Unsubmittable))]
    public void ASubmission_IsRefused_ButFromADraftOrAReturn(ApplicationStatus from)
    {
        var application = Reach(from);
        var transitions = application.Transitions.Count;

        Assert.False(application.MaySubmit);
        Assert.Throws<ApplicationMoveRefusedException>(() => application.Submit(application.Number ?? "2026-TEST-000001", "applicant", Now.AddDays(30), Tokyo));
        Assert.Equal((from, transitions), (application.Status, application.Transitions.Count));
    }

    public static TheoryData<ApplicationStatus> Unsubmittable() =>
        [.. Enum.GetValues<ApplicationStatus>().Where(s => ApplicationBuilder.PathTo(s) is not null && ApplicationLifecycle.SubmissionFrom(s) is null)];

    [Fact]
    public void ASubmission_IsNotAMove_ButGoesThroughSubmit()
    {
        var draft = Application.StartDraft(1, 1, 1, "applicant", Now);

        Assert.False(draft.MayMoveTo(ApplicationStatus.Submitted));
        Assert.Throws<ApplicationMoveRefusedException>(() => draft.Move(ApplicationStatus.Submitted, "applicant", null, Now));
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
    }

    [Fact]
    public void EachMove_IsRecorded_WithWhoWhenAndWhy_AndRaisesItsEvent()
    {
        var application = Application.StartDraft(1, 1, 1, "applicant", Now);
        application.Submit("2026-TEST-000001", "applicant", Now.AddHours(1), Tokyo);
        application.Move(ApplicationStatus.UnderReview, "reviewer", null, Now.AddHours(2));
        application.Move(ApplicationStatus.ReturnedForCorrection, "reviewer", "見積書がありません", Now.AddHours(3));
        application.Submit("2026-TEST-000001", "applicant", Now.AddHours(4), Tokyo);
        application.Move(ApplicationStatus.UnderReview, "reviewer", null, Now.AddHours(5));
        application.Move(ApplicationStatus.Selected, "reviewer", "採択", Now.AddHours(6));

        IEnumerable<(ApplicationStatus?, ApplicationStatus, DateTime, string, string?)> expected =
            [
                (null, ApplicationStatus.Draft, Now, "applicant", null),
                (ApplicationStatus.Draft, ApplicationStatus.Submitted, Now.AddHours(1), "applicant", null),
                (ApplicationStatus.Submitted, ApplicationStatus.UnderReview, Now.AddHours(2), "reviewer", null),
                (ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, Now.AddHours(3), "reviewer", "見積書がありません"),
                (ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Resubmitted, Now.AddHours(4), "applicant", null),
                (ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview, Now.AddHours(5), "reviewer", null),
                (ApplicationStatus.UnderReview, ApplicationStatus.Selected, Now.AddHours(6), "reviewer", "採択"),
            ];
        Assert.Equal(expected, application.Transitions.Select(t => (t.From, t.To, t.AtUtc, t.ByUserId, t.Reason)));
        Assert.Equal((2, Now.AddHours(4), Now.AddHours(6), true), (application.Rounds, application.SubmittedAtUtc, application.DecidedAtUtc, application.WasReturned));
        Assert.Equal(6, application.TakeDomainEvents().OfType<ApplicationMoved>().Count());
        Assert.Empty(application.TakeDomainEvents());
    }

    [Fact]
    public void AResubmission_KeepsTheNumber()
    {
        var application = Reach(ApplicationStatus.ReturnedForCorrection);

        Assert.Throws<InvalidOperationException>(() => application.Submit("2026-TEST-000999", "applicant", Now, Tokyo));
    }

    /// <summary>An application taken to <paramref name="status"/> by the application's own methods, along the table's shortest path.</summary>
    private static Application Reach(ApplicationStatus status)
    {
        var application = Application.StartDraft(1, 1, 1, "applicant", Now);
        var at = Now;
        foreach (var step in ApplicationBuilder.PathTo(status)!)
        {
            at = at.AddHours(1);
            if (ApplicationLifecycle.SubmissionFrom(application.Status) == step)
            {
                application.Submit("2026-TEST-000001", "applicant", at, Tokyo);
            }
            else
            {
                application.Move(step, "reviewer", null, at);
            }
        }

        application.TakeDomainEvents();
        return application;
    }
}
