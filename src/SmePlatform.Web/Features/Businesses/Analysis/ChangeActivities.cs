using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>
/// The intellectual property, overseas and R&amp;D figures (<see cref="ActivitiesForm"/>, checked by
/// <see cref="ActivitiesFormValidator"/>), each changed one recorded as self-declared.
/// </summary>
public sealed class ChangeActivitiesHandler(SmeDbContext db, IValidator<ActivitiesForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, ActivitiesForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        if (await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken) is not { } business)
        {
            return Outcome.NotFound;
        }

        if (business.ChangeActivities(form.ToActivities(), ProfileEditing.SelfDeclared(userId, clock)) > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }
}
