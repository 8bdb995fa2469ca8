using FluentValidation;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.EditProfile;

/// <summary>
/// The basics every form reuses, as the business declares them (<see cref="BasicsForm"/>, checked by
/// <see cref="BasicsFormValidator"/>): each changed field recorded as self-declared; refused when the profile changed
/// since the form was shown.
/// </summary>
public sealed class ChangeBasicsHandler(SmeDbContext db, IValidator<BasicsForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, BasicsForm form, string userId, CancellationToken cancellationToken = default)
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
