namespace SmePlatform.Web.Infrastructure.Sessions;

/// <summary>Sign-in sessions kept on the server (docs/operations.md, section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>
    /// A staff member's sign-in ends this long after it began, however busy: staff see every application, so a
    /// forgotten browser must not stay signed in for days by being used now and then. Business users keep the sliding
    /// end only (8 hours after the last use).
    /// </summary>
    public TimeSpan StaffAbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How stale "last seen" may get: it is written when a request finds it older than this, not on every request.</summary>
    public TimeSpan LastSeenInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often sign-ins that have ended by time are deleted (they are also deleted when next presented).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
