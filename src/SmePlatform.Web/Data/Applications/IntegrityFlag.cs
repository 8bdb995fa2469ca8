using SmePlatform.Domain.Integrity;

namespace SmePlatform.Web.Data.Applications;

/// <summary>
/// Where a flag stands: open until a reviewer confirms it (a real problem) or dismisses it with a reason, or until the
/// checks no longer find it (cleared: the applicant corrected the data).
/// </summary>
public enum FlagState
{
    Open,
    Confirmed,
    Dismissed,
    Cleared,
}

/// <summary>When the check that raised it ran.</summary>
public enum FlagSource
{
    Submission,
    Review,
    PerformanceReport,
    Scan,
}

/// <summary>
/// A finding of an automatic integrity check (<see cref="IntegrityChecks"/>) on an application, for staff: the rule,
/// its severity, the explanation (a resource key with its values, formatted when shown), and the evidence — the other
/// application and the lines that match, or the other businesses. The same finding is raised once per application
/// (unique fingerprint), however often the checks run again; a reviewer confirms or dismisses it (audited).
/// </summary>
public class IntegrityFlag : IVersioned
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }
    public IntegrityRule Rule { get; set; }
    public FlagSeverity Severity { get; set; }

    /// <summary><see cref="Finding.Fingerprint"/>: unique per application.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The explanation's resource key.</summary>
    public string Explanation { get; set; } = "";

    /// <summary>The explanation's values as JSON (strings and numbers).</summary>
    public string Values { get; set; } = "[]";

    public int? OtherApplicationId { get; set; }

    /// <summary>The matching lines as JSON (<see cref="LineMatch"/>), if any.</summary>
    public string? Lines { get; set; }

    /// <summary>The other businesses' ids as JSON, if any (never shown to the applicant).</summary>
    public string? OtherBusinessIds { get; set; }

    public FlagSource RaisedBy { get; set; }
    public DateTime RaisedAtUtc { get; set; }
    public FlagState State { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionReason { get; set; }

    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
