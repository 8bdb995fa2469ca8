using System.Security.Claims;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Auditing;

/// <summary>Records staff actions: who (user id), when, what, on which record. No personal data goes in.</summary>
public sealed class AuditLog(SmeDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds the event to the current unit of work; it is saved with the change it describes.</summary>
    public void Record(string action, string subjectType, string subjectId, string? details = null)
    {
        var context = http.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system",
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details,
            CorrelationId = context?.TraceIdentifier,
        });
    }
}
