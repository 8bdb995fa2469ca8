using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.SignIns;

/// <summary>Ends every sign-in of the person, this one too: done with how many ended.</summary>
public sealed class EndAllSessionsHandler(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, UserSessions sessions, AuditLog audit, SmeDbContext db) : IUseCase
{
    public async Task<Outcome<int>> HandleAsync(ClaimsPrincipal principal)
    {
        var user = await users.RequireAsync(principal);
        var ended = await sessions.EndAllAsync(user.Id);
        await StaffSessionAudit.RecordAsync(audit, db, principal, user, "user-sessions.ended-all", ended);
        await signIn.SignOutAsync();
        return Outcome.Done(ended);
    }
}
