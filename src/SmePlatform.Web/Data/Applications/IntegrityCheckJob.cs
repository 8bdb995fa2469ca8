namespace SmePlatform.Web.Data.Applications;

/// <summary>
/// The integrity checks owed to an application after a submission or a performance report: written in the same
/// transaction as the change, so they outlive a crash. <c>IntegrityQueueWorker</c> claims each with a conditional update
/// (a lease: no two workers run it at once), runs it, and marks it done; a failed run waits longer each time.
/// </summary>
public class IntegrityCheckJob
{
    public long Id { get; set; }
    public int ApplicationId { get; set; }

    /// <summary>What the flags it raises are recorded as raised by.</summary>
    public FlagSource Source { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not run before this (a failed run backs off).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The runs begun (claims taken).</summary>
    public int Attempts { get; set; }

    /// <summary>Until when a worker holds it; null when nobody does. A worker that stopped mid-run leaves it held until then.</summary>
    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>When its checks ran to the end and their flags were kept; null while owed.</summary>
    public DateTime? DoneAtUtc { get; set; }
}
