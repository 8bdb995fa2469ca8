using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Auditing;

namespace SmePlatform.Web.Features.Applications;

/// <summary>The outcome of a move: done, refused by the lifecycle, or lost to someone who changed the application first.</summary>
public enum MoveOutcome
{
    Done,
    NotAllowed,
    Conflict,
}

/// <summary>
/// Moves an application along its lifecycle after submission: review, return for correction, selection, the grant
/// decision, withdrawal. The application makes the move itself (<see cref="Application.Move"/>: the lifecycle consulted,
/// who, when and why recorded, the dashboards' event raised into the outbox); here each move is made against the version
/// the person's page showed (the app-managed concurrency token, so two reviewers deciding at once cannot both win, on
/// any provider), audited when staff make it, and told to the business (in-app and email) through the outbox — all in
/// one save. After the commit the outbox's dispatcher is woken, so open dashboards hear of it at once.
/// </summary>
public sealed class ApplicationMoves(SmeDbContext db, Outbox outbox, AuditLog audit, OutboxDispatcher dispatcher, TimeProvider clock)
{
    public async Task<MoveOutcome> MoveAsync(
        ApplicationFile file, int startedFrom, ApplicationStatus to, string userId, string? reason, bool byStaff, Action<Application>? change = null)
    {
        var application = file.Application;
        if (!application.MayMoveTo(to))
        {
            return application.Version == startedFrom ? MoveOutcome.NotAllowed : MoveOutcome.Conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = application.Status;
        change?.Invoke(application);
        application.Move(to, userId, reason, now);
        if (byStaff)
        {
            audit.Record($"application.{to}", "Application", Invariant(application.Id), $"{from} → {to}");
        }

        // A return for correction says what to correct and by when (read from the application when the email is sent).
        var (template, arguments) = to == ApplicationStatus.ReturnedForCorrection
            ? (Outbox.ReturnedTemplate, new[] { application.Number ?? "", Invariant(application.Id), Invariant(application.Rounds) })
            : ("StatusChanged", [application.Number ?? "", $"ApplicationStatus.{to}"]);
        await outbox.TellBusinessAsync(application.BusinessId, byStaff ? null : userId, template, file.Path(), arguments);
        if (!await db.SaveFromVersionAsync(application, startedFrom, now))
        {
            return MoveOutcome.Conflict;
        }

        dispatcher.Wake();
        return MoveOutcome.Done;
    }

    /// <summary>
    /// Assigns the application to a reviewer (taking it into review when it is waiting), against the version shown;
    /// audited with the assignee's id (the actor is the signed-in staff member), saved with the change.
    /// </summary>
    public async Task<MoveOutcome> AssignAsync(ApplicationFile file, int startedFrom, string assigneeUserId, string userId)
    {
        var application = file.Application;
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.Resubmitted or ApplicationStatus.UnderReview))
        {
            return MoveOutcome.NotAllowed;
        }

        audit.Record("application.assigned", "Application", application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"assignee {assigneeUserId}");
        if (application.Status is ApplicationStatus.Submitted or ApplicationStatus.Resubmitted)
        {
            return await MoveAsync(file, startedFrom, ApplicationStatus.UnderReview, userId, null, byStaff: true, a => a.AssigneeUserId = assigneeUserId);
        }

        application.AssigneeUserId = assigneeUserId;
        return await db.SaveFromVersionAsync(application, startedFrom, clock.GetUtcNow().UtcDateTime) ? MoveOutcome.Done : MoveOutcome.Conflict;
    }

    /// <summary>
    /// Resumes the review of a resubmitted application for the reviewer it is assigned to (<see cref="ApplicationLifecycle.MayResume"/>),
    /// keeping the assignee: a move like any other, against the version shown, recorded, audited and told to the business.
    /// </summary>
    public async Task<MoveOutcome> ResumeAsync(ApplicationFile file, int startedFrom, string userId) =>
        ApplicationLifecycle.MayResume(file.Application.Status, file.Application.AssigneeUserId, userId)
            ? await MoveAsync(file, startedFrom, ApplicationStatus.UnderReview, userId, null, byStaff: true)
            : file.Application.Version == startedFrom ? MoveOutcome.NotAllowed : MoveOutcome.Conflict;

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
