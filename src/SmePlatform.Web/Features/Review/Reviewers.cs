using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Review;

/// <summary>The people an application may be assigned to: every Reviewer and Supervisor, by name.</summary>
public static class Reviewers
{
    public static async Task<IReadOnlyList<(string Id, string Name)>> ListAsync(SmeDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roleIds = await db.Roles.Where(r => r.Name == StaffRoles.Reviewer || r.Name == StaffRoles.Supervisor).Select(r => r.Id).ToListAsync(cancellationToken);
        var people = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct()
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName })
            .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Id, p.DisplayName))];
    }
}
