using FluentValidation;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.EditProfile;

/// <summary>
/// What recommendations read (industry, regular employees, purposes), as the business declares it
/// (<see cref="IndustryForm"/>, checked by <see cref="IndustryFormValidator"/>): recorded as self-declared.
/// </summary>
public sealed class ChangeIndustryHandler(SmeDbContext db, IValidator<IndustryForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, IndustryForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        return await db.ChangeAsync(businessId, form.Version, form.ApplyTo, ProfileEditing.SelfDeclared(userId, clock), cancellationToken);
    }
}
