namespace SmePlatform.Web.Features.Integrity;

/// <summary>The <c>IntegrityQueue</c> section of configuration.</summary>
public sealed class IntegrityQueueOptions
{
    public const string Section = "IntegrityQueue";

    /// <summary>How often owed checks are looked for (a submission in this process wakes the worker at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker holds a job it claimed: one stopped mid-run leaves it to another after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
