using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>One sign-in as its owner sees it on the sessions page.</summary>
public sealed record SessionSummary(
    Guid Id, string? Browser, string? Platform, string? Network, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, bool IsCurrent)
{
    public bool IsLocalNetwork => ClientNetwork.IsLocal(Network);
}

/// <summary>A person's sign-ins: listed for them, ended one by one or all at once (<see cref="DatabaseTicketStore"/>).</summary>
public sealed class UserSessions(SmeDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The sign-in of the current request.</summary>
    public Guid? Current => DatabaseTicketStore.CurrentSessionId(http.HttpContext);

    /// <summary>The person's live sign-ins, the latest used first; those that have ended by time are deleted on the way.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.UserId == userId && (s.ExpiresAtUtc <= now || s.AbsoluteExpiresAtUtc <= now)).ExecuteDeleteAsync(cancellationToken);
        var current = Current;
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new { s.Id, s.Browser, s.Platform, s.Network, s.CreatedAtUtc, s.LastSeenAtUtc })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(s => new SessionSummary(s.Id, s.Browser, s.Platform, s.Network, s.CreatedAtUtc, s.LastSeenAtUtc, s.Id == current))
            .OrderByDescending(s => s.IsCurrent)
            .ThenByDescending(s => s.LastSeenAtUtc)];
    }

    /// <summary>Ends one of the person's sign-ins; null when they have none by that id (another person's, or already ended).</summary>
    public async Task<SessionSummary?> EndAsync(string userId, Guid sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new SessionSummary(s.Id, s.Browser, s.Platform, s.Network, s.CreatedAtUtc, s.LastSeenAtUtc, false))
            .FirstOrDefaultAsync(cancellationToken);
        var ended = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return ended == 0 ? null : session;
    }

    /// <summary>Ends every sign-in of the person but <paramref name="except"/> (the one making the change, where it stays); returns how many.</summary>
    public Task<int> EndAllAsync(string userId, Guid? except = null, CancellationToken cancellationToken = default) =>
        except is { } keep
            ? db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(cancellationToken)
            : db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
