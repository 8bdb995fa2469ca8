using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.Staff.Members;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Staff.RoleChange;

/// <summary>
/// Changes a staff member's roles (<see cref="StaffRolesForm"/>), and ends every sign-in they have, so the new roles (and
/// only they) apply from their next sign-in, with its second factor; audited. Done with whether anything changed. An
/// administrator cannot change their own roles (nor so remove the last administrator): not allowed; someone who is not
/// staff is not found.
/// </summary>
public sealed class ChangeStaffRolesHandler(
    SmeDbContext db, UserManager<ApplicationUser> users, StaffMembersQuery members, AuditLog audit, IValidator<StaffRolesForm> validator) : IUseCase
{
    public async Task<Outcome<bool>> HandleAsync(string userId, StaffRolesForm form, string? actingUserId)
    {
        var member = await members.OneAsync(userId);
        if (member is null)
        {
            return Outcome.NotFound;
        }

        if (userId == actingUserId)
        {
            return Outcome.NotAllowed;
        }

        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var wanted = form.Roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (wanted.SequenceEqual(member.Roles))
        {
            return Outcome.Done(false);
        }

        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("A staff member without an account row.");
        // Roles, the end of every sign-in and the audit entry together or not at all.
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var changed = await users.RemoveFromRolesAsync(user, member.Roles.Except(wanted));
            if (changed.Succeeded)
            {
                changed = await users.AddToRolesAsync(user, wanted.Except(member.Roles));
            }

            if (changed.Succeeded)
            {
                changed = await users.UpdateSecurityStampAsync(user);
            }

            if (changed.Succeeded)
            {
                var ended = await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
                audit.Record("staff-account.roles-changed", "User", userId, $"roles={string.Join(',', wanted)}; sessions-ended={ended}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return changed;
        });
        return result.Succeeded ? Outcome.Done(true) : Outcome.Invalid(result.ToFailures());
    }
}
