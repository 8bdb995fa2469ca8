using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Accounts;

public enum SignInOutcome
{
    SignedIn,
    TwoFactorRequired,

    /// <summary>A wrong password, or no account with the address: one answer for both.</summary>
    Failed,

    /// <summary>The right password, on an account whose address is not confirmed yet.</summary>
    EmailNotConfirmed,

    /// <summary>The right password, on an account locked after wrong security codes (the two-factor step).</summary>
    LockedOut,

    /// <summary>Refused before any password was checked: a ceiling of failures, or the address's wait (<see cref="SignInAttempt.Wait"/>).</summary>
    Throttled,
}

/// <param name="Outcome">What happened.</param>
/// <param name="Throttle">For <see cref="SignInOutcome.Throttled"/>: which limit refused it (null: the account's wait).</param>
/// <param name="Wait">For <see cref="SignInOutcome.Throttled"/>: how long until an attempt is taken again.</param>
public sealed record SignInAttempt(SignInOutcome Outcome, SignInCeilingKind? Throttle = null, TimeSpan Wait = default)
{
    /// <summary>The wait in whole seconds, rounded up, at least one: what the page and its Retry-After say.</summary>
    public int WaitSeconds => Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds));
}

/// <summary>
/// Sign-in with an email address and password, throttled and telling nobody which addresses have an account:
/// <list type="number">
/// <item>while the client's address, or the whole portal, has had too many failures in the window, the attempt is
/// refused before any password is checked (<see cref="SignInCeilings"/>);</item>
/// <item>while the address typed must wait after failures in a row, likewise (<see cref="AccountThrottle"/>), for an
/// address with an account or without alike;</item>
/// <item>the password is checked once whatever the account: against a fixed dummy hash when there is no account, so the
/// answer takes as long; an unconfirmed or locked account is told so only with the right password;</item>
/// <item>a wrong password and an unknown address count as the same failure and get the same answer.</item>
/// </list>
/// Identity's own lockout is not used for passwords (only for security codes, after the right password).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, SignInCeilings ceilings, AccountThrottle accounts)
{
    private static string? _unknownAccountHash;

    public async Task<SignInAttempt> AttemptAsync(string email, string password, bool rememberMe, IPAddress? clientAddress)
    {
        if (ceilings.Reached(clientAddress) is { } ceiling)
        {
            return new SignInAttempt(SignInOutcome.Throttled, ceiling.Kind, ceiling.Wait);
        }

        var normalized = users.NormalizeEmail(email);
        if (await accounts.WaitAsync(normalized) is { } wait)
        {
            return new SignInAttempt(SignInOutcome.Throttled, Wait: wait);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same work as checking a real password: the time taken tells nothing.
            VerifyAgainstDummyHash(password);
        }
        else
        {
            // Identity answers NotAllowed (unconfirmed) or LockedOut before it looks at the password; the password is
            // then checked here, once, so every path does the same work and only the right password learns more.
            var result = await signIn.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: false);
            if (result.Succeeded || result.RequiresTwoFactor)
            {
                await accounts.EndRunAsync(normalized);
                return new SignInAttempt(result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.TwoFactorRequired);
            }

            if ((result.IsNotAllowed || result.IsLockedOut) && await users.CheckPasswordAsync(user, password))
            {
                return new SignInAttempt(result.IsNotAllowed ? SignInOutcome.EmailNotConfirmed : SignInOutcome.LockedOut);
            }
        }

        ceilings.RecordFailure(clientAddress);
        await accounts.RecordFailureAsync(normalized, user);
        return new SignInAttempt(SignInOutcome.Failed);
    }

    private void VerifyAgainstDummyHash(string password)
    {
        var hasher = users.PasswordHasher;
        var hash = _unknownAccountHash ??= hasher.HashPassword(new ApplicationUser(), RandomNumberGenerator.GetHexString(32));
        hasher.VerifyHashedPassword(new ApplicationUser(), hash, password);
    }
}
