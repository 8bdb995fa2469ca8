using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>
/// Keeps each sign-in as a row of <see cref="UserSession"/>: the authentication cookie carries only a random key (inside
/// the usual data-protected cookie), the row holds the ticket. Deleting the row ends the sign-in for every copy of the
/// cookie: signing out, "sign out" on the sessions page, a password change, a two-factor change, a staff role change.
/// Staff sign-ins also end <see cref="SessionOptions.StaffAbsoluteLifetime"/> after they began, however they are used.
/// Reads and updates go through the request's own database context (no tracked entities); a new row is written in a
/// scope of its own so it never saves anything the request has pending.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IDataProtectionProvider protection,
    TimeProvider clock,
    IOptionsMonitor<SessionOptions> options,
    ILogger<DatabaseTicketStore> logger) : ITicketStore
{
    /// <summary>Where the current request's sign-in (its <see cref="UserSession.Id"/>) is noted for the pages that need it.</summary>
    private const string CurrentSessionItem = "SmePlatform.CurrentSessionId";

    /// <summary>Used only if a ticket has no expiry, which the cookie handler always sets.</summary>
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("SmePlatform.UserSessions.Ticket.v1");

    /// <summary>The sign-in the request came with (or has just made), or null for none.</summary>
    public static Guid? CurrentSessionId(HttpContext? http) =>
        http?.Items.TryGetValue(CurrentSessionItem, out var value) == true && value is Guid id ? id : null;

    /// <summary>SHA-256 of a cookie key, as <see cref="UserSession.KeyHash"/> holds it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreCoreAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreCoreAsync(ticket, null, cancellationToken);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreCoreAsync(ticket, httpContext, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewCoreAsync(key, ticket, null, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewCoreAsync(key, ticket, null, cancellationToken);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewCoreAsync(key, ticket, httpContext, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveCoreAsync(key, null, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveCoreAsync(key, null, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveCoreAsync(key, httpContext, cancellationToken);

    public Task RemoveAsync(string key) => RemoveCoreAsync(key, null, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveCoreAsync(key, null, cancellationToken);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveCoreAsync(key, httpContext, cancellationToken);

    private async Task<string> StoreCoreAsync(AuthenticationTicket ticket, HttpContext? http, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(ticket) ?? throw new InvalidOperationException("A sign-in without a user id cannot be stored.");
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var (browser, platform) = DeviceNames.From(http?.Request.Headers.UserAgent.ToString());
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            KeyHash = Hash(key),
            UserId = userId,
            Ticket = Protect(ticket),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = ExpiryOf(ticket, now),
            AbsoluteExpiresAtUtc = IsStaff(ticket) ? now + options.CurrentValue.StaffAbsoluteLifetime : null,
            Browser = browser,
            Platform = platform,
            Network = ClientNetwork.Of(http?.Connection.RemoteIpAddress),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmeDbContext>();
        // The person's sign-ins that have ended by time go as a new one begins.
        await db.UserSessions.Where(s => s.UserId == userId && (s.ExpiresAtUtc <= now || s.AbsoluteExpiresAtUtc <= now)).ExecuteDeleteAsync(cancellationToken);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        http?.Items[CurrentSessionItem] = session.Id;
        return key;
    }

    private async Task<AuthenticationTicket?> RetrieveCoreAsync(string key, HttpContext? http, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return await WithDbAsync(http, async db =>
        {
            var row = await db.UserSessions.AsNoTracking()
                .Where(s => s.KeyHash == hash)
                .Select(s => new { s.Id, s.Ticket, s.ExpiresAtUtc, s.AbsoluteExpiresAtUtc, s.LastSeenAtUtc })
                .FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var ticket = row.ExpiresAtUtc <= now || row.AbsoluteExpiresAtUtc <= now ? null : Unprotect(row.Ticket);
            if (ticket is null)
            {
                // Ended by time (or unreadable after a change of keys): gone for good.
                await db.UserSessions.Where(s => s.Id == row.Id).ExecuteDeleteAsync(cancellationToken);
                return null;
            }

            if (now - row.LastSeenAtUtc >= options.CurrentValue.LastSeenInterval)
            {
                await db.UserSessions.Where(s => s.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
            }

            http?.Items[CurrentSessionItem] = row.Id;
            return ticket;
        });
    }

    private async Task RenewCoreAsync(string key, AuthenticationTicket ticket, HttpContext? http, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var userId = UserIdOf(ticket);
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = ExpiryOf(ticket, now);
        var protectedTicket = Protect(ticket);
        DateTime? staffEnd = IsStaff(ticket) ? now + options.CurrentValue.StaffAbsoluteLifetime : null;
        await WithDbAsync(http, async db =>
        {
            // A renewal never brings back a row that has been deleted (signed out elsewhere a moment ago), never moves a
            // staff member's absolute end, and never hands one person's sign-in to another: signing in as someone else
            // over a live cookie keeps that cookie's key, which whoever set the cookie may know, so that sign-in is
            // ended instead and the person signs in again with a new key.
            var renewed = await db.UserSessions
                .Where(s => s.KeyHash == hash && s.UserId == userId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Ticket, protectedTicket)
                    .SetProperty(x => x.ExpiresAtUtc, expires)
                    .SetProperty(x => x.LastSeenAtUtc, now)
                    .SetProperty(x => x.AbsoluteExpiresAtUtc, x => x.AbsoluteExpiresAtUtc ?? staffEnd), cancellationToken);
            if (renewed == 0 && await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                logger.LogWarning("A sign-in over another account's live session was refused; that session {SessionKeyHash} has ended", hash[..12]);
            }

            return renewed;
        });
    }

    private Task<int> RemoveCoreAsync(string key, HttpContext? http, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return WithDbAsync(http, db => db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(cancellationToken));
    }

    /// <summary>The request's context where there is a request; a scope of its own otherwise.</summary>
    private async Task<T> WithDbAsync<T>(HttpContext? http, Func<SmeDbContext, Task<T>> work)
    {
        if (http is not null)
        {
            return await work(http.RequestServices.GetRequiredService<SmeDbContext>());
        }

        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SmeDbContext>());
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(data));
        }
        catch (CryptographicException exception)
        {
            logger.LogWarning(exception, "A stored sign-in could not be read (data-protection keys changed?); it has ended");
            return null;
        }
    }

    private static string? UserIdOf(AuthenticationTicket ticket) => ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    private static bool IsStaff(AuthenticationTicket ticket) => StaffRoles.All.Any(role => ticket.Principal.IsInRole(role.Name));

    private static DateTime ExpiryOf(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + FallbackLifetime;
}
