using System.Security.Claims;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.SignIns;

/// <summary>
/// After a change of password or second factor: every other sign-in of the person ends (a copied cookie, a forgotten
/// browser); this one goes on. The handlers of those changes call it.
/// </summary>
public sealed class EndOtherSessionsHandler(UserSessions sessions, AuditLog audit, SmeDbContext db) : IUseCase
{
    public async Task<Outcome<int>> HandleAsync(ApplicationUser user, ClaimsPrincipal principal)
    {
        var ended = await sessions.EndAllAsync(user.Id, except: sessions.Current);
        await StaffSessionAudit.RecordAsync(audit, db, principal, user, "user-sessions.ended-others", ended);
        return Outcome.Done(ended);
    }
}

/// <summary>Staff actions are audited: the person by id, how many sign-ins ended, nothing else.</summary>
public static class StaffSessionAudit
{
    public static async Task RecordAsync(AuditLog audit, SmeDbContext db, ClaimsPrincipal principal, ApplicationUser user, string action, int ended)
    {
        if (principal.IsStaff() && ended > 0)
        {
            audit.Record(action, "User", user.Id, $"sessions-ended={ended}");
            await db.SaveChangesAsync();
        }
    }
}
