using Microsoft.Extensions.Options;

namespace SmePlatform.Web.Infrastructure.Security;

/// <summary>
/// The <c>SignInThrottling</c> section of configuration (docs/operations.md): how many failed sign-ins a client
/// address and the whole portal may have in a window before sign-in waits, and how an account's wait grows.
/// </summary>
public sealed class SignInThrottlingOptions
{
    public const string Section = "SignInThrottling";

    /// <summary>Failed sign-ins from one client address (an IPv6 address's /64 network) in the window.</summary>
    public Ceiling Address { get; set; } = new() { Limit = 20, WindowSeconds = 300 };

    /// <summary>Failed sign-ins across the portal in the window: past it everyone waits, with a message that says so.</summary>
    public Ceiling Global { get; set; } = new() { Limit = 300, WindowSeconds = 60 };

    public AccountDelays Account { get; set; } = new();

    public sealed class Ceiling
    {
        public int Limit { get; set; }
        public int WindowSeconds { get; set; }
        public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
    }

    /// <summary>
    /// After <see cref="FreeFailures"/> failures in a row on one email address, each next attempt waits: the first
    /// delay, doubled with each further failure, at most <see cref="MaxDelaySeconds"/>, counted from the last failure.
    /// </summary>
    public sealed class AccountDelays
    {
        public int FreeFailures { get; set; } = 5;
        public int FirstDelaySeconds { get; set; } = 1;
        public int MaxDelaySeconds { get; set; } = 300;

        /// <summary>A run of failures with none for this long is forgotten: the next failure starts a new run.</summary>
        public int ForgetAfterMinutes { get; set; } = 60;

        public TimeSpan ForgetAfter => TimeSpan.FromMinutes(ForgetAfterMinutes);

        /// <summary>How long after the last of <paramref name="failures"/> failures in a row the next attempt may come.</summary>
        public TimeSpan DelayAfter(int failures)
        {
            if (failures < FreeFailures)
            {
                return TimeSpan.Zero;
            }

            var doublings = failures - FreeFailures;
            var seconds = doublings >= 30 ? MaxDelaySeconds : Math.Min(MaxDelaySeconds, (long)FirstDelaySeconds << doublings);
            return TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>The portal does not start with settings out of range.</summary>
    public sealed class Validation : IValidateOptions<SignInThrottlingOptions>
    {
        public ValidateOptionsResult Validate(string? name, SignInThrottlingOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    /// <summary>The settings' problems, if any.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (name, ceiling) in new[] { (nameof(Address), Address), (nameof(Global), Global) })
        {
            if (ceiling.Limit < 1 || ceiling.WindowSeconds < 1)
            {
                yield return $"{Section}:{name}: Limit and WindowSeconds must be at least 1.";
            }
        }

        if (Account.FreeFailures < 1 || Account.FirstDelaySeconds < 1 || Account.MaxDelaySeconds < Account.FirstDelaySeconds)
        {
            yield return $"{Section}:Account: FreeFailures and FirstDelaySeconds must be at least 1, and MaxDelaySeconds at least FirstDelaySeconds.";
        }

        if (Account.ForgetAfter.TotalSeconds <= Account.MaxDelaySeconds)
        {
            yield return $"{Section}:Account: ForgetAfterMinutes must be longer than MaxDelaySeconds.";
        }
    }
}
