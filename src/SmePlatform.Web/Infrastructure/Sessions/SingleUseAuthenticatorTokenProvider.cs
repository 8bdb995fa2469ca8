using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>
/// Identity's authenticator check (RFC 6238: 6 digits, 30-second steps, two steps either side for clocks that drift),
/// with one change: a code is accepted once. The step the code belongs to must be later than the last step accepted
/// for the person (<see cref="AuthenticatorTimeStep"/>), and is recorded by a conditional update that only one of two
/// simultaneous posts can win; so a code seen over someone's shoulder, or sent twice, is refused like a wrong one.
/// Used for two-factor sign-in and for turning the authenticator on (both go through <c>ValidateAsync</c>).
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(SmeDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    /// <summary>Steps accepted either side of now: Identity's own window (90 seconds each way).</summary>
    public const int StepsEitherSide = 2;

    /// <summary>Codes come from the person's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(StepsEitherSide, StepsEitherSide)))
        {
            return false;
        }

        return await TryUseAsync(user.Id, step);
    }

    /// <summary>Records <paramref name="step"/> as the person's last accepted one if it is later than theirs; false if not.</summary>
    private async Task<bool> TryUseAsync(string userId, long step)
    {
        var raised = await db.AuthenticatorTimeSteps
            .Where(s => s.UserId == userId && s.LastTimeStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastTimeStep, step));
        if (raised == 1)
        {
            return true;
        }

        if (await db.AuthenticatorTimeSteps.AnyAsync(s => s.UserId == userId))
        {
            return false;
        }

        // The person's first code: the row is made, and its key refuses a simultaneous twin.
        var first = db.AuthenticatorTimeSteps.Add(new AuthenticatorTimeStep { UserId = userId, LastTimeStep = step });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException) when (first.State == EntityState.Added)
        {
            // Identity saves the same context next (failed attempts, lockout): nothing of this may be left in it.
            first.State = EntityState.Detached;
            if (await db.AuthenticatorTimeSteps.AnyAsync(s => s.UserId == userId))
            {
                return false;
            }

            throw;
        }
        finally
        {
            first.State = EntityState.Detached;
        }
    }
}
