using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Staff.Members;

/// <summary>Staff members (people with a staff role) with their roles, by address; or one of them.</summary>
public sealed class StaffMembersQuery(SmeDbContext db) : IUseCase
{
    public Task<List<StaffMember>> HandleAsync() => MembersAsync(null);

    /// <summary>One staff member by id; an id of spaces (bound as none) is nobody, not everybody.</summary>
    public async Task<StaffMember?> OneAsync(string? userId) =>
        string.IsNullOrWhiteSpace(userId) ? null : (await MembersAsync(userId)).SingleOrDefault();

    private async Task<List<StaffMember>> MembersAsync(string? userId)
    {
        var staffRoleIds = StaffRoles.All.Select(r => r.Id).ToList();
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where staffRoleIds.Contains(role.Id) && (userId == null || user.Id == userId)
            select new { user.Id, user.DisplayName, user.Email, user.TwoFactorEnabled, user.EmailConfirmed, Role = role.Name! })
            .AsNoTracking()
            .ToListAsync();
        return [.. rows
            .GroupBy(r => r.Id)
            .Select(g => new StaffMember(g.Key, g.First().DisplayName, g.First().Email ?? "", [.. g.Select(r => r.Role).Order(StringComparer.Ordinal)], g.First().TwoFactorEnabled, g.First().EmailConfirmed))
            .OrderBy(s => s.Email, StringComparer.Ordinal)];
    }
}
