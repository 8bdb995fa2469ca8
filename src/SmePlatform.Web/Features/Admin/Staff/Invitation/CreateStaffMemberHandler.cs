using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Staff.Invitation;

/// <summary>
/// An Administrator creates a staff account with one role (<see cref="CreateStaffForm"/>); nobody can register as staff.
/// The new member is emailed a link to choose their password, which also proves the address. Audited.
/// </summary>
public sealed class CreateStaffMemberHandler(
    SmeDbContext db, UserManager<ApplicationUser> users, AccountEmails emails, AuditLog audit, TimeProvider clock, IValidator<CreateStaffForm> validator) : IUseCase
{
    public async Task<Outcome<string>> HandleAsync(CreateStaffForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var user = new ApplicationUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            // The invitation link proves the address when it is used.
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // Account, role and audit entry together or not at all; inside the provider's execution strategy,
        // which SQL Server's retrying strategy requires for a transaction of our own.
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, form.Role!);
            }

            if (created.Succeeded)
            {
                audit.Record("staff-account.created", "User", user.Id, $"role={form.Role}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            return created;
        });
        if (!result.Succeeded)
        {
            return Outcome.Invalid(result.ToFailures());
        }

        await emails.SendStaffInvitationAsync(user);
        return Outcome.Done(user.Id);
    }
}
