using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.SignIns;

/// <summary>
/// Ends one of the person's sign-ins. Done with the one ended, or with null when it was this one (the person is signed
/// out); another person's, or one already ended, is not found.
/// </summary>
public sealed class EndSessionHandler(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, UserSessions sessions, AuditLog audit, SmeDbContext db) : IUseCase
{
    public async Task<Outcome<SessionSummary?>> HandleAsync(Guid session, ClaimsPrincipal principal)
    {
        if (session == sessions.Current)
        {
            await signIn.SignOutAsync();
            return Outcome.Done<SessionSummary?>(null);
        }

        var user = await users.RequireAsync(principal);
        var ended = await sessions.EndAsync(user.Id, session);
        if (ended is null)
        {
            return Outcome.NotFound;
        }

        await StaffSessionAudit.RecordAsync(audit, db, principal, user, "user-sessions.ended", 1);
        return Outcome.Done<SessionSummary?>(ended);
    }
}
