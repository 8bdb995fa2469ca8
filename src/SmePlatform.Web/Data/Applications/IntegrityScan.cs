namespace SmePlatform.Web.Data.Applications;

/// <summary>Where a scan stands.</summary>
public enum ScanState
{
    Queued,
    Running,
    Finished,
    Failed,
}

/// <summary>
/// One run of the integrity checks over every claiming application (the nightly scan, or one a Supervisor started):
/// its progress, kept as it goes so that staff see it, and what it raised and cleared.
/// </summary>
public class IntegrityScan
{
    public long Id { get; set; }
    public ScanState State { get; set; }

    /// <summary>Who asked for it: a person's id, or null for the nightly schedule.</summary>
    public string? RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The applications to check, counted when it started.</summary>
    public int Total { get; set; }

    /// <summary>The applications checked so far.</summary>
    public int Done { get; set; }

    public int Raised { get; set; }
    public int Cleared { get; set; }
}
