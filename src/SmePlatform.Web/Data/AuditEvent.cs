namespace SmePlatform.Web.Data;

/// <summary>
/// One staff action, kept for accountability. Holds ids and codes, never personal data:
/// the subject is named by its id, and details say what changed, not to whom.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public string ActorUserId { get; set; } = "";
    /// <summary>What was done, as a stable code such as <c>staff-account.created</c>.</summary>
    public string Action { get; set; } = "";
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string? Details { get; set; }
    public string? CorrelationId { get; set; }
}
